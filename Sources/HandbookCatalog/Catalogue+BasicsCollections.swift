extension Catalogue {
    static let basicsCollectionLessons: [Lesson] = []
}
