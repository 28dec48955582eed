import Testing

@Suite struct _PlaceholderTests {}
