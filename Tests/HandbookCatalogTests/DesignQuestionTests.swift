import Foundation
import HandbookCatalog
import HandbookTestSupport
import Testing

/// The system-design mock questions point at real lessons and files.
@Suite("Design questions")
struct DesignQuestionTests {
    @Test("every outline part names existing lessons, and any service file it names exists")
    func referencesExist() {
        #expect(Catalogue.designQuestions.count >= 3)
        let root = PackagePaths.root
        for question in Catalogue.designQuestions {
            #expect(!question.outline.isEmpty)
            for part in question.outline {
                #expect(!part.lessons.isEmpty, "\(question.id)")
                for lesson in part.lessons { #expect(Catalogue.lesson(id: lesson) != nil, "\(question.id): \(lesson)") }
                for file in part.files {
                    #expect(
                        FileManager.default.fileExists(atPath: root.appendingPathComponent(file).path),
                        "\(question.id): \(file)")
                }
            }
        }
    }
}
