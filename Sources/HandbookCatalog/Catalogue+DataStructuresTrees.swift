extension Catalogue {
    static let dataStructureTreeLessons: [Lesson] = []
}
