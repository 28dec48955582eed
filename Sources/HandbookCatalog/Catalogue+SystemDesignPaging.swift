extension Catalogue {
    static let systemDesignPagingLessons: [Lesson] = []
}
