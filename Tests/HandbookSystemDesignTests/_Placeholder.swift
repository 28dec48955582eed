import Testing

@testable import HandbookSystemDesign
