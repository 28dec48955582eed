extension Catalogue {
    static let basicsLanguageLessons: [Lesson] = [
        Lesson(
            id: "basics.optionals-and-initialization",
            phase: 1,
            module: "HandbookBasics",
            title: "Optionals and initialization (no zero values)",
            sources: ["Sources/HandbookBasics/OptionalsAndInitialization.swift"],
            tests: ["Tests/HandbookBasicsTests/OptionalsAndInitializationTests.swift"],
            seedTopics: [],
            questions: ["What's the difference between make() and new()?"],
            experiments: [
                Experiment(
                    id: "optionals-and-initialization.accept-any-port",
                    file: "Sources/HandbookBasics/OptionalsAndInitialization.swift",
                    original: "guard (1...65_535).contains(number) else { return nil }",
                    replacement: "",
                    caughtBy: "HandbookBasicsTests.OptionalsAndInitializationTests/portOutOfRangeIsNil",
                    teaches: """
                        Without its guard the failable init never fails, so Port(70_000) and Port(0) become \
                        valid ports: a failable initializer is only as strict as the checks it makes before \
                        returning a value.
                        """),
                Experiment(
                    id: "optionals-and-initialization.force-unwrap-the-host",
                    file: "Sources/HandbookBasics/OptionalsAndInitialization.swift",
                    original: "host ?? \"0.0.0.0\"",
                    replacement: "host!",
                    caughtBy: "HandbookBasicsTests.OptionalsAndInitializationTests/guardLetAndNilCoalescing",
                    teaches: """
                        Replacing ?? with ! turns a missing setting into a trap: the test process dies with \
                        "Unexpectedly found nil while unwrapping an Optional value" instead of falling back to \
                        0.0.0.0. In a server that is every request in flight.
                        """),
                Experiment(
                    id: "optionals-and-initialization.super-init-first",
                    file: "Sources/HandbookBasics/OptionalsAndInitialization.swift",
                    original: "self.certificate = certificate\n            super.init(host: host)",
                    replacement: "super.init(host: host)\n            self.certificate = certificate",
                    caughtBy: "HandbookBasicsTests.OptionalsAndInitializationTests",
                    expect: .doesNotCompile,
                    teaches: """
                        Two-phase initialization: a subclass must set its own stored properties before \
                        super.init, because the superclass initializer may call an override that reads them. \
                        The compiler reports "property 'self.certificate' not initialized at super.init call".
                        """),
            ]),
        Lesson(
            id: "basics.enums-and-pattern-matching",
            phase: 1,
            module: "HandbookBasics",
            title: "Enums and pattern matching",
            sources: ["Sources/HandbookBasics/EnumsAndPatternMatching.swift"],
            tests: ["Tests/HandbookBasicsTests/EnumsAndPatternMatchingTests.swift"],
            seedTopics: [],
            experiments: [
                Experiment(
                    id: "enums-and-pattern-matching.ignore-illegal-events",
                    file: "Sources/HandbookBasics/EnumsAndPatternMatching.swift",
                    original: "throw IllegalTransition(from: self, on: event)",
                    replacement: "return self",
                    caughtBy: "HandbookBasicsTests.EnumsAndPatternMatchingTests/illegalTransitionThrows",
                    teaches: """
                        A state machine that silently ignores an event it cannot handle hides bugs: \
                        .disconnect while disconnected now "works", and every illegal-transition case in the \
                        test table fails because nothing is thrown.
                        """),
                Experiment(
                    id: "enums-and-pattern-matching.retry-forever",
                    file: "Sources/HandbookBasics/EnumsAndPatternMatching.swift",
                    original: " where attempt < Self.maxAttempts",
                    replacement: "",
                    caughtBy: "HandbookBasicsTests.EnumsAndPatternMatchingTests/retriesThenFails",
                    teaches: """
                        Without the where clause the retry pattern matches every failure, so the machine \
                        retries forever and never reaches .failed; the compiler also warns that the next \
                        case is now unreachable.
                        """),
                Experiment(
                    id: "enums-and-pattern-matching.add-a-state",
                    file: "Sources/HandbookBasics/EnumsAndPatternMatching.swift",
                    original: "case failed(reason: String)",
                    replacement: "case failed(reason: String)\n        case draining",
                    caughtBy: "HandbookBasicsTests.EnumsAndPatternMatchingTests",
                    expect: .doesNotCompile,
                    teaches: """
                        Adding a state makes every switch over the enum non-exhaustive ("switch must be \
                        exhaustive"), so the compiler lists each place that must decide what .draining means. \
                        A default: clause would have hidden them.
                        """),
            ]),
        Lesson(
            id: "basics.strings-and-characters",
            phase: 1,
            module: "HandbookBasics",
            title: "Strings, characters and Unicode",
            sources: ["Sources/HandbookBasics/StringsAndCharacters.swift"],
            tests: ["Tests/HandbookBasicsTests/StringsAndCharactersTests.swift"],
            seedTopics: [],
            experiments: [
                Experiment(
                    id: "strings-and-characters.count-bytes",
                    file: "Sources/HandbookBasics/StringsAndCharacters.swift",
                    original: "characters: text.count,",
                    replacement: "characters: text.utf8.count,",
                    caughtBy: "HandbookBasicsTests.StringsAndCharactersTests/lengthsInEveryUnit",
                    teaches: """
                        Counting UTF-8 bytes is Go's len(s): "hello 世界" becomes 12 characters and the \
                        family emoji 18. Only plain ASCII still passes, which is why byte counts look right \
                        until the first non-English user.
                        """),
                Experiment(
                    id: "strings-and-characters.truncate-by-bytes",
                    file: "Sources/HandbookBasics/StringsAndCharacters.swift",
                    original: "String(text.prefix(maxCharacters))",
                    replacement: "String(decoding: text.utf8.prefix(maxCharacters), as: UTF8.self)",
                    caughtBy: "HandbookBasicsTests.StringsAndCharactersTests/truncation",
                    teaches: """
                        Truncating by bytes (Go's s[:n]) counts bytes, not characters: "héllo 世界" cut to 7 \
                        loses a character, and a cut inside a multi-byte character decodes to U+FFFD.
                        """),
                Experiment(
                    id: "strings-and-characters.return-the-substring",
                    file: "Sources/HandbookBasics/StringsAndCharacters.swift",
                    original: "return String(slice)",
                    replacement: "return slice",
                    caughtBy: "HandbookBasicsTests.StringsAndCharactersTests",
                    expect: .doesNotCompile,
                    teaches: """
                        A Substring is not a String: the compiler makes you copy it out explicitly, so keeping \
                        a slice (and the whole string behind it) alive is always a visible decision.
                        """),
            ]),
        Lesson(
            id: "basics.error-basics",
            phase: 1,
            module: "HandbookBasics",
            title: "Error basics: throws, try and catch",
            sources: ["Sources/HandbookBasics/ErrorBasics.swift"],
            tests: ["Tests/HandbookBasicsTests/ErrorBasicsTests.swift"],
            seedTopics: ["basics: Errors"],
            experiments: [
                Experiment(
                    id: "error-basics.forget-the-guard",
                    file: "Sources/HandbookBasics/ErrorBasics.swift",
                    original: "guard divisor != 0 else { throw MathError.divisionByZero(dividend: dividend) }",
                    replacement: "",
                    caughtBy: "HandbookBasicsTests.ErrorBasicsTests/divisionByZeroCarriesContext",
                    teaches: """
                        Floating-point division by zero does not trap: 10 / 0 is +infinity. Without the \
                        guard the error never happens and a meaningless value flows on, so the test that \
                        expects .divisionByZero(dividend: 10) fails.
                        """),
                Experiment(
                    id: "error-basics.keep-going-after-failure",
                    file: "Sources/HandbookBasics/ErrorBasics.swift",
                    original: "throw StepFailed(step: offset + 1, underlying: error)",
                    replacement: "continue",
                    caughtBy: "HandbookBasicsTests.ErrorBasicsTests/chainStopsAtFirstFailure",
                    teaches: """
                        Swallowing an error in a catch block lets the chain run step 3 on a stale value and \
                        report success: the Go bug of an err that is checked but not returned.
                        """),
                Experiment(
                    id: "error-basics.drop-the-try",
                    file: "Sources/HandbookBasics/ErrorBasics.swift",
                    original: "current = try step(current)",
                    replacement: "current = step(current)",
                    caughtBy: "HandbookBasicsTests.ErrorBasicsTests",
                    expect: .doesNotCompile,
                    teaches: """
                        Every call that can throw must be marked try, even inside do: the compiler reports \
                        "call can throw but is not marked with 'try'", so a failure point is always visible \
                        at the call site, unlike an ignored Go err.
                        """),
            ]),
    ]
}
