import HandbookAdvanced
import HandbookTestSupport
import Testing

@Suite("Mirror reflection")
struct MirrorReflectionTests {
    typealias Lesson = MirrorReflection

    static let config = Lesson.Config(host: "localhost", port: 8080, mode: nil)

    @Test("Mirror lists stored properties in declaration order, with a .struct display style")
    func childrenInDeclarationOrder() {
        let mirror = Mirror(reflecting: Self.config)
        #expect(Lesson.labels(of: Self.config) == ["host", "port", "mode"])
        #expect(mirror.displayStyle == .struct)
        #expect(mirror.children.map { "\($0.value)" }.prefix(2) == ["localhost", "8080"])
        #expect(ObjectIdentifier(mirror.subjectType) == ObjectIdentifier(Lesson.Config.self))
        #expect(String(reflecting: Lesson.Config.self) == "HandbookAdvanced.MirrorReflection.Config")
    }

    @Test("an Optional reflects as .optional with zero or one child")
    func optionalDisplayStyle() {
        let absent: String? = nil
        let present: String? = "debug"
        #expect(Mirror(reflecting: absent as Any).displayStyle == .optional)
        #expect(Mirror(reflecting: absent as Any).children.isEmpty)
        #expect(Mirror(reflecting: present as Any).children.first?.value as? String == "debug")
        #expect(Lesson.unwrapped(present as Any) as? String == "debug")
        #expect(Lesson.unwrapped(absent as Any) as? String == "nil")
    }

    @Test("a class Mirror shows inherited fields only through superclassMirror")
    func superclassFieldsNeedSuperclassMirror() throws {
        let dog = Lesson.Dog(name: "Rex", breed: "Collie")
        let mirror = Mirror(reflecting: dog)
        #expect(mirror.displayStyle == .class)
        #expect(Lesson.labels(of: dog) == ["breed"])
        let parent = try #require(mirror.superclassMirror)
        #expect(parent.children.map(\.label) == ["name"])
        #expect(Lesson.allLabels(of: dog) == ["name", "breed"])
    }

    @Test("walking a nested struct yields indented lines, like Go's WalkStruct")
    func walkNestedStruct() {
        let server = Lesson.Server(name: "api", conf: Self.config)
        #expect(
            Lesson.walk(server) == [
                "name: api",
                "conf:",
                "  host: localhost",
                "  port: 8080",
                "  mode: nil",
            ])
        #expect(Lesson.walk(Lesson.Dog(name: "Rex", breed: "Collie")) == ["name: Rex", "breed: Collie"])
        #expect(Lesson.walk(server, maxDepth: 0)[1].hasPrefix("conf: Config("), "the depth limit stops recursion")
    }

    @Test("a @Required wrapper replaces the struct tag: an empty host is reported by name")
    func requiredWrapperValidates() {
        let valid = Lesson.ValidatedConfig(host: "db", port: 5432, tags: ["primary"])
        #expect(Lesson.validate(valid).isEmpty)

        let missingHost = Lesson.ValidatedConfig(host: "", port: 5432, tags: ["primary"])
        #expect(Lesson.validate(missingHost) == ["field 'host' is required"])

        let everythingWrong = Lesson.ValidatedConfig(host: "", port: 0, tags: [])
        #expect(
            Lesson.validate(everythingWrong) == [
                "field 'host' is required",
                "field 'port' must be in 1...65535, got 0",
                "field 'tags' is required",
            ])

        let service = Lesson.Service(name: "", database: missingHost)
        #expect(Lesson.validate(service) == ["field 'name' is required", "field 'host' is required"])
    }

    @Test("a Mirror sees a wrapped property's storage, _host, not host")
    func wrappedPropertiesAppearWithUnderscore() {
        let config = Lesson.ValidatedConfig(host: "db", port: 5432, tags: ["a"])
        #expect(Lesson.labels(of: config) == ["_host", "_port", "_tags", "mode"])
        #expect(Mirror(reflecting: config).children.first?.value is Lesson.Required<String>)
    }

    @Test("Mirror cannot write; key paths do Go's reflect Set, type-checked")
    func mirrorIsReadOnlyKeyPathsWrite() throws {
        try CompileFailFixture.expect(
            "HandbookAdvanced/MirrorIsReadOnly.swift",
            diagnostics: ["cannot assign to property: subscript is get-only"])

        let updated = try Lesson.applyOverrides(["host": "db.internal", "port": "5433", "mode": "ro"], to: Self.config)
        #expect(updated == Lesson.Config(host: "db.internal", port: 5433, mode: "ro"))
        #expect(Self.config.host == "localhost", "the original value is untouched")
        #expect(throws: Lesson.OverrideError.unknownField("hots")) {
            try Lesson.applyOverrides(["hots": "x"], to: Self.config)
        }
        #expect(throws: Lesson.OverrideError.invalidValue(field: "port", value: "eighty")) {
            try Lesson.applyOverrides(["port": "eighty"], to: Self.config)
        }
    }
}
