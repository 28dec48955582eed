extension Catalogue {
    static let algorithmArrayLessons: [Lesson] = []
}
