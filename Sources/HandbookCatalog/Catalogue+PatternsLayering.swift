extension Catalogue {
    static let patternsLayeringLessons: [Lesson] = []
}
