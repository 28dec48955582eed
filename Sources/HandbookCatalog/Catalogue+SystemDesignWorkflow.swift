extension Catalogue {
    static let systemDesignWorkflowLessons: [Lesson] = []
}
