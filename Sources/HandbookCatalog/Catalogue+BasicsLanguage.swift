extension Catalogue {
    static let basicsLanguageLessons: [Lesson] = []
}
