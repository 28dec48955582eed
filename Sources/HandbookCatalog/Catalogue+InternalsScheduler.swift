extension Catalogue {
    static let internalsSchedulerLessons: [Lesson] = []
}
