extension Catalogue {
    static let systemDesignCacheLessons: [Lesson] = []
}
