extension Catalogue {
    static let concurrencyLockLessons: [Lesson] = []
}
