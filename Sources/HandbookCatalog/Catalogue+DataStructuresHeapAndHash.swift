extension Catalogue {
    static let dataStructureHeapAndHashLessons: [Lesson] = []
}
