extension Catalogue {
    static let leetCodeFirstLessons: [Lesson] = []
}
