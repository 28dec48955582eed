extension Catalogue {
    static let dataStructureLRULessons: [Lesson] = []
}
