extension Catalogue {
    static let memoryGrowthLessons: [Lesson] = []
}
