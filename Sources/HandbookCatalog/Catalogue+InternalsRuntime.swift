extension Catalogue {
    static let internalsRuntimeLessons: [Lesson] = []
}
