extension Catalogue {
    static let advancedTypeLessons: [Lesson] = []
}
