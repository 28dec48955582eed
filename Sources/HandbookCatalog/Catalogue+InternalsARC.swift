extension Catalogue {
    static let internalsARCLessons: [Lesson] = []
}
