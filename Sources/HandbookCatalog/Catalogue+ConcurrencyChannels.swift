extension Catalogue {
    static let concurrencyChannelLessons: [Lesson] = []
}
