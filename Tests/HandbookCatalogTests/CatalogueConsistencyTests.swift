import Foundation
import HandbookCatalog
import HandbookTestSupport
import Testing

/// The catalogue is the single source of truth; these tests keep it honest
/// against the files on disk and the seed.
@Suite("Catalogue consistency")
struct CatalogueConsistencyTests {
    let workspace = Workspace(root: PackagePaths.root)
    /// Targets under Sources/ that are the handbook's tooling, not lessons.
    static let toolModules: Set<String> = ["HandbookCatalog", "HandbookCLI", "HandbookCommands"]
    /// Targets under Service/Sources that are not lessons: the capstone
    /// service, its executable, and a C shim the measuring lesson calls.
    static let serviceModules: Set<String> = ["HandbookService", "HandbookServiceApp", "CHeapStatistics"]

    @Test("lesson ids are unique, kebab-case and prefixed by their module word")
    func lessonIDsAreWellFormed() {
        let ids = Catalogue.lessons.map(\.id)
        #expect(Set(ids).count == ids.count, "duplicate lesson ids")
        for lesson in Catalogue.lessons {
            let module = Catalogue.modules.first { $0.name == lesson.module }
            #expect(module != nil, "\(lesson.id): unknown module \(lesson.module)")
            guard let module else { continue }
            #expect(lesson.id.hasPrefix(module.idPrefix + "."), "\(lesson.id) should start with \(module.idPrefix).")
            #expect(lesson.phase == module.phase, "\(lesson.id): phase \(lesson.phase), module phase \(module.phase)")
            let slug = lesson.id.dropFirst(module.idPrefix.count + 1)
            #expect(isKebabCase(slug), "\(lesson.id): '\(slug)' is not kebab-case")
        }
    }

    @Test("every file the catalogue names exists")
    func everyNamedFileExists() {
        for lesson in Catalogue.lessons {
            #expect(!lesson.sources.isEmpty && !lesson.tests.isEmpty, "\(lesson.id) needs sources and tests")
            for path in lesson.sources + lesson.tests + lesson.experiments.map(\.file) {
                #expect(workspace.fileExists(path), "\(lesson.id): no file at \(path)")
            }
            guard let module = Catalogue.module(of: lesson) else { continue }
            for path in lesson.sources {
                #expect(path.hasPrefix("\(module.sourcesDirectory)/"), "\(lesson.id): \(path) is outside its module")
            }
            for path in lesson.tests {
                #expect(path.hasPrefix("\(module.testsDirectory)/"), "\(lesson.id): \(path) is outside its tests")
            }
        }
    }

    @Test("every Swift file of a lesson module and its tests is catalogued")
    func everyLessonFileIsCatalogued() throws {
        let catalogued = Set(Catalogue.lessons.flatMap { $0.sources + $0.tests })
        for module in Catalogue.modules {
            for directory in [module.sourcesDirectory, module.testsDirectory] {
                for file in try swiftFiles(in: directory) {
                    #expect(catalogued.contains(file), "\(file) is not named by any lesson in the catalogue")
                }
            }
        }
    }

    @Test("every module in the package is in the catalogue, and every catalogued module has lessons")
    func modulesMatchThePackage() throws {
        let sources = try FileManager.default.contentsOfDirectory(atPath: workspace.url("Sources").path)
        let lessonModules = Set(
            sources.filter { $0.hasPrefix("Handbook") && !Self.toolModules.contains($0) })
        #expect(lessonModules == Set(Catalogue.modules.filter { $0.package == nil }.map(\.name)))
        // Phase 5 lives in the service's package: every target there but the
        // service itself (the capstone, not a lesson) is a lesson module.
        let service = try FileManager.default.contentsOfDirectory(atPath: workspace.url("Service/Sources").path)
        let serviceLessonModules = Set(service.filter { !Self.serviceModules.contains($0) })
        #expect(serviceLessonModules == Set(Catalogue.modules.filter { $0.package == "Service" }.map(\.name)))
        #expect(Set(Catalogue.modules.compactMap(\.package)) == ["Service"])
        for module in Catalogue.modules {
            #expect(module.fromSeed == (module.phase <= 4), "\(module.name): only Phase 5 is beyond the seed")
            #expect((module.package == nil) == module.fromSeed, "\(module.name): Phases 1-4 are the root package's")
        }
        for module in Catalogue.modules {
            #expect(!Catalogue.lessons(in: module).isEmpty, "\(module.name) has no lessons")
            #expect(workspace.fileExists(module.readme), "\(module.name) has no README at \(module.readme)")
        }
    }

    @Test("every lesson file opens with the three teaching sections")
    func everyLessonHasItsTeachingSections() throws {
        for lesson in Catalogue.lessons {
            for source in lesson.sources {
                let text = LessonText(source: try workspace.read(source))
                #expect(text.missingSections.isEmpty, "\(source) lacks \(text.missingSections)")
                #expect(!text.summary.isEmpty, "\(source) has no one-line summary")
            }
        }
    }

    @Test("every Phase 4 lesson states its edge audit: overflow, Unicode and depth")
    func phaseFourLessonsStateTheirEdgeAudit() throws {
        for lesson in Catalogue.lessons where lesson.phase == 4 {
            for source in lesson.sources {
                let audit = LessonText(source: try workspace.read(source)).section(LessonText.edgeAuditSection) ?? ""
                #expect(!audit.isEmpty, "\(source) has no \"Edges, audited\" section")
                for topic in ["Overflow", "Unicode", "Depth"] {
                    #expect(audit.contains(topic), "\(source): the edge audit does not mention \(topic)")
                }
            }
        }
    }

    @Test("every lesson has at least five tests")
    func everyLessonHasFiveTests() {
        for lesson in Catalogue.lessons {
            let count = workspace.testCount(of: lesson)
            #expect(count >= 5, "\(lesson.id) has \(count) tests; the bar is 5")
        }
    }

    @Test("each test file declares one suite named like the file, so the lesson filter runs it")
    func testFilesDeclareTheirSuite() throws {
        for lesson in Catalogue.lessons {
            for path in lesson.tests {
                let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
                let source = try workspace.read(path)
                #expect(
                    source.contains("struct \(name)") || source.contains("final class \(name)")
                        || source.contains("enum \(name)"),
                    "\(path) must declare a suite type named \(name)")
                // A second top-level suite would not match the lesson's filter: its tests would never run.
                let suites = source.split(separator: "\n").filter { $0.hasPrefix("@Suite") }
                #expect(
                    suites.count <= 1, "\(path) declares \(suites.count) top-level suites; the filter runs only \(name)"
                )
            }
        }
    }

    @Test("every experiment is well formed and its original text occurs exactly once")
    func experimentsAreWellFormed() throws {
        let ids = Catalogue.lessons.flatMap(\.experiments).map(\.id)
        #expect(Set(ids).count == ids.count, "duplicate experiment ids")
        for lesson in Catalogue.lessons {
            #expect(!lesson.experiments.isEmpty, "\(lesson.id) has no break-it experiment")
            for experiment in lesson.experiments {
                #expect(!experiment.original.isEmpty, "\(experiment.id): empty original")
                #expect(experiment.original != experiment.replacement, "\(experiment.id) changes nothing")
                #expect(!experiment.teaches.isEmpty && !experiment.caughtBy.isEmpty, "\(experiment.id) is incomplete")
                #expect(
                    lesson.sources.contains(experiment.file) || lesson.tests.contains(experiment.file),
                    "\(experiment.id) edits \(experiment.file), which is not one of its lesson's files")
                #expect(
                    experiment.caughtBy.hasPrefix("\(lesson.module)Tests"),
                    "\(experiment.id): caughtBy should name a test of \(lesson.module)")
                let occurrences =
                    try workspace.read(experiment.file).components(separatedBy: experiment.original).count - 1
                #expect(
                    occurrences == 1, "\(experiment.id): original occurs \(occurrences) times in \(experiment.file)")
            }
        }
    }

    @Test("seed citations are verbatim, and every topic of a present module is covered")
    func seedTopicsAreCovered() {
        let citations = Set(Catalogue.allCitations)
        for lesson in Catalogue.lessons {
            for topic in lesson.seedTopics {
                #expect(citations.contains(topic), "\(lesson.id): '\(topic)' is not in the seed")
            }
            for item in lesson.checklist {
                #expect(Seed.checklist.contains(item), "\(lesson.id): '\(item)' is not a seed checklist item")
            }
            for question in lesson.questions {
                #expect(Seed.questions.contains(question), "\(lesson.id): '\(question)' is not a seed question")
            }
        }
        let covered = Set(Catalogue.lessons.flatMap(\.seedTopics))
        for module in Catalogue.modules {
            for topic in module.seedPackage.citations {
                #expect(covered.contains(topic), "seed topic '\(topic)' has no lesson in \(module.name)")
            }
        }
    }

    @Test("the README maps agree with the catalogue")
    func readmeMapsAgree() throws {
        let readme = try workspace.read("README.md")
        #expect(
            Rendering.generatedBlock(in: readme) == Rendering.readmeMap(),
            "README.md map is stale: run `swift run handbook readme --write`")
        for module in Catalogue.modules {
            let page = try workspace.read(module.readme)
            #expect(
                Rendering.generatedBlock(in: page) == Rendering.moduleMap(module),
                "\(module.readme) map is stale: run `swift run handbook readme --write`")
        }
    }

    @Test("relative links in the READMEs point at files that exist")
    func readmeLinksResolve() throws {
        let pages = ["README.md"] + Catalogue.modules.map(\.readme)
        let link = /\]\(([^)#\s]+)(#[^)]*)?\)/
        for page in pages {
            let base = URL(fileURLWithPath: page).deletingLastPathComponent().relativePath
            for match in try workspace.read(page).matches(of: link) {
                let target = String(match.1)
                if target.contains("://") || target.hasPrefix("mailto:") { continue }
                let path = base == "." ? target : "\(base)/\(target)"
                #expect(workspace.fileExists(path), "\(page) links to \(target), which does not exist")
            }
        }
    }

    private func isKebabCase(_ slug: Substring) -> Bool {
        !slug.isEmpty && slug.first != "-" && slug.last != "-" && !slug.contains("--")
            && slug.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    private func swiftFiles(in directory: String) throws -> [String] {
        let root = workspace.url(directory)
        guard let enumerator = FileManager.default.enumerator(atPath: root.path) else { return [] }
        return enumerator.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }.map { "\(directory)/\($0)" }
            .sorted()
    }
}
