extension Catalogue {
    static let memoryLifetimeLessons: [Lesson] = []
}
