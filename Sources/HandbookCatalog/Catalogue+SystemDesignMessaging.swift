extension Catalogue {
    static let systemDesignMessagingLessons: [Lesson] = []
}
