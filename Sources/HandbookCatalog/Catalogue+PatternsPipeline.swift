extension Catalogue {
    static let patternsPipelineLessons: [Lesson] = []
}
