extension Catalogue {
    static let intermediateLanguageLessons: [Lesson] = []
}
