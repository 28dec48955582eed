extension Catalogue {
    static let systemDesignRateLessons: [Lesson] = []
}
