extension Catalogue {
    static let advancedContextLessons: [Lesson] = []
}
