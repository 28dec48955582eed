extension Catalogue {
    static let leetCodeSecondLessons: [Lesson] = []
}
