import Testing

@testable import HandbookPatterns
