extension Catalogue {
    static let concurrencyIsolationLessons: [Lesson] = []
}
