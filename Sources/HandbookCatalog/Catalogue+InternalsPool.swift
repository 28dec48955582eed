extension Catalogue {
    static let internalsPoolLessons: [Lesson] = []
}
