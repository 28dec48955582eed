extension Catalogue {
    static let concurrencySafetyLessons: [Lesson] = []
}
