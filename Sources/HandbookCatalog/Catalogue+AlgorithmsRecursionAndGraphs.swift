extension Catalogue {
    static let algorithmRecursionAndGraphLessons: [Lesson] = []
}
