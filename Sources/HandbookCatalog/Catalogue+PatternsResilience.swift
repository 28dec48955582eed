extension Catalogue {
    static let patternsResilienceLessons: [Lesson] = []
}
