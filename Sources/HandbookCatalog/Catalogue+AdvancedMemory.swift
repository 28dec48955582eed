extension Catalogue {
    static let advancedMemoryLessons: [Lesson] = []
}
