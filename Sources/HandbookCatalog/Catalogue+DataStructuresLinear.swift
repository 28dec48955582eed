extension Catalogue {
    static let dataStructureLinearLessons: [Lesson] = []
}
