extension Catalogue {
    static let intermediateErrorLessons: [Lesson] = []
}
