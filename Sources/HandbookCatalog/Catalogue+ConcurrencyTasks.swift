extension Catalogue {
    static let concurrencyTaskLessons: [Lesson] = []
}
