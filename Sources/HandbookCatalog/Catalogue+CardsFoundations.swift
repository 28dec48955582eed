extension Catalogue {
    /// Review cards for Phase 1 (basics, intermediate, advanced): each names the test that proves its answer.
    static let foundationCards: [ReviewCard] = [
        ReviewCard(
            id: "basics.value-vs-reference#b2cfbb20", lesson: "basics.value-vs-reference", kind: .predict,
            question: """
                What does this print?
                let a = [1, 2, 3]
                var b = a
                b[0] = 999
                print(a, b)
                """,
            answer: """
                [1, 2, 3] [999, 2, 3]. Swift's Array is a value type, so b is an independent copy; unlike a \
                Go slice, which would alias the same backing array and show 999 in both.
                """,
            test: "HandbookBasicsTests.ValueAndReferenceSemanticsTests/arrayIsAValue()"),
        ReviewCard(
            id: "basics.value-vs-reference#646c7cfb", lesson: "basics.value-vs-reference", kind: .recall,
            question: """
                If Array is a value type, why is `var b = a` cheap even for a 1,000-element array, and when \
                is the buffer actually copied?
                """,
            answer: """
                Copy-on-write: the assignment only shares the existing buffer (a reference-count bump), so \
                a and b point at the same storage. The first mutation through b sees the buffer is not \
                uniquely owned, copies it, and writes into the copy; from then on they have separate \
                storage and a is unchanged.
                """,
            test: "HandbookBasicsTests.ValueAndReferenceSemanticsTests/copyOnWriteDefersTheCopy()"),
        ReviewCard(
            id: "basics.value-vs-reference#25974081", lesson: "basics.value-vs-reference", kind: .predict,
            question: """
                Wrapper is a struct with `var label: String` and `var shared: PointReference` (a class). \
                What does this print?
                let original = Wrapper(label: "a", shared: PointReference(x: 0, y: 0))
                var copy = original
                copy.label = "b"
                copy.shared.x = 42
                print(original.label, original.shared.x, original.shared === copy.shared)
                """,
            answer: """
                a 42 true. Copying a struct is shallow: the String field is copied, but the class field \
                copies only the reference, so both wrappers share one object and see each other's writes \
                through it.
                """,
            test: "HandbookBasicsTests.ValueAndReferenceSemanticsTests/structHoldingAClassIsShallow()"),
        ReviewCard(
            id: "basics.value-vs-reference#723e7369", lesson: "basics.value-vs-reference", kind: .recall,
            question: """
                A function takes a class instance, does `var point = point; point = PointReference(x: -1, \
                y: -1)`. Does the caller see x == -1? What would change that?
                """,
            answer: """
                No: rebinding the parameter only changes the callee's local reference; the caller still \
                holds the original object, whose x is unchanged. With this (non-inout) signature, only \
                mutations through the reference (point.x = -1) are visible to the caller, because both \
                share one object. Note that parameters are constants in Swift, hence the explicit `var \
                point = point`.
                """,
            test: "HandbookBasicsTests.ValueAndReferenceSemanticsTests/reassigningAParameterIsLocal()"),
        ReviewCard(
            id: "basics.arrays-and-slices#9d0514eb", lesson: "basics.arrays-and-slices", kind: .seedQuestion,
            question: """
                What's the difference between make() and new()?
                """,
            answer: """
                Go's new(T) returns a pointer to a zeroed T and make builds a ready slice, map or channel; \
                Swift has neither, because it has no zero values and every value comes from an initializer \
                given real values. make([]T, n) becomes Array(repeating: 0, count: n) with the fill value \
                spelled out, and make([]T, 0, n) becomes an empty array plus reserveCapacity(n) (count 0, \
                capacity >= n). new has no direct counterpart; a shared heap cell is a class instance \
                created with its value.
                """,
            test: "HandbookBasicsTests.ArraysAndSlicesTests/reserveCapacityIsALowerBound()"),
        ReviewCard(
            id: "basics.arrays-and-slices#889f9954", lesson: "basics.arrays-and-slices", kind: .checklist,
            question: """
                Slice Internals - Do you understand capacity vs length?
                """,
            answer: """
                count (Go's len) is how many elements exist; capacity (Go's cap) is how many fit before the \
                buffer must be reallocated. reserveCapacity(n) only promises capacity >= n, never exactly \
                n, and appends within that reservation do not reallocate. Go's make([]T, 0, n) is an empty \
                array plus reserveCapacity(n).
                """,
            test: "HandbookBasicsTests.ArraysAndSlicesTests/reserveCapacityIsALowerBound()"),
        ReviewCard(
            id: "basics.arrays-and-slices#48a51c62", lesson: "basics.arrays-and-slices", kind: .predict,
            question: """
                What does this print?
                let a = [10, 20, 30, 40, 50]
                let s = a[1..<4]
                print(s.startIndex, s[1], Array(s).startIndex)
                """,
            answer: """
                1 20 0. An ArraySlice keeps its base's indices, so s starts at 1 and s[0] would trap with \
                "Index out of bounds"; Array(s) re-bases the elements at 0. Go re-bases every slice at 0, \
                so use startIndex or first in Swift.
                """,
            test: "HandbookBasicsTests.ArraysAndSlicesTests/sliceKeepsBaseIndices()"),
        ReviewCard(
            id: "basics.arrays-and-slices#8a0486d5", lesson: "basics.arrays-and-slices", kind: .predict,
            question: """
                What does this print?
                let base = [1, 2, 3, 4, 5]
                var prefix = base[..<2]
                prefix.append(42)
                print(base, Array(prefix))
                """,
            answer: """
                [1, 2, 3, 4, 5] [1, 2, 42]. A Swift slice may share storage until a write, but the write \
                copies the buffer, so the base never changes. In Go, append(a[:2], 42) would overwrite a[2] \
                because capacity allowed it.
                """,
            test: "HandbookBasicsTests.ArraysAndSlicesTests/sliceWritesDoNotAlias()"),
        ReviewCard(
            id: "basics.arrays-and-slices#fceedf40", lesson: "basics.arrays-and-slices", kind: .recall,
            question: """
                As you append 10,000 elements one by one, how does an array's capacity evolve, and does it \
                shrink after removeLast(9_000)?
                """,
            answer: """
                It grows geometrically, so there are only O(log n) reallocations (fewer than 30 distinct \
                capacities here) and each append is amortized O(1). Removing elements lowers count but \
                keeps the capacity unchanged.
                """,
            test: "HandbookBasicsTests.ArraysAndSlicesTests/capacityGrowsGeometrically()"),
        ReviewCard(
            id: "basics.dictionaries#918634e5", lesson: "basics.dictionaries", kind: .predict,
            question: """
                What does this print?
                var counts: [Character: Int] = [:]
                for c in "abracadabra" { counts[c, default: 0] += 1 }
                print(counts["a"], counts["z"])
                """,
            answer: """
                Optional(5) nil. The default: subscript gives a read-modify-write slot for counting, while \
                the plain subscript returns an Optional, so a missing key is nil rather than Go's silent \
                zero.
                """,
            test: "HandbookBasicsTests.DictionariesTests/countingWithDefault()"),
        ReviewCard(
            id: "basics.dictionaries#db9c7503", lesson: "basics.dictionaries", kind: .recall,
            question: """
                Why is reading inventory quantities with `inventory[item] ?? 0` a bug waiting to happen, \
                and what do you do instead?
                """,
            answer: """
                It recreates Go's zero-value read: a missing item and a sold-out item (stored as 0) both \
                return 0. Keep the Optional and switch on it (nil -> not stocked, 0? -> sold out, let q? -> \
                available), or model the states as an enum.
                """,
            test: "HandbookBasicsTests.DictionariesTests/goStyleReadLosesInformation()"),
        ReviewCard(
            id: "basics.dictionaries#c9c1b6a6", lesson: "basics.dictionaries", kind: .recall,
            question: """
                You build a dictionary from pairs that might contain a duplicate key using \
                Dictionary(uniqueKeysWithValues:). What happens on a duplicate?
                """,
            answer: """
                The process traps with "Duplicate values for key"; it is a precondition, not a thrown \
                error. For data that may repeat keys, use Dictionary(_:uniquingKeysWith:) and decide in the \
                closure which value wins or how they combine.
                """,
            test: "HandbookBasicsTests.DictionariesTests/duplicateKeysTrap()"),
        ReviewCard(
            id: "basics.dictionaries#af0554ab", lesson: "basics.dictionaries", kind: .predict,
            question: """
                What does this return?
                Dictionary([("a", 1), ("b", 2), ("a", 3)], uniquingKeysWith: +)
                """,
            answer: """
                ["a": 4, "b": 2]. The combine closure is called for each duplicate key with the existing \
                and new value, so + sums them; keeping only the last value would give a: 3.
                """,
            test: "HandbookBasicsTests.DictionariesTests/uniquingKeysWithSums()"),
        ReviewCard(
            id: "basics.dictionaries#41274084", lesson: "basics.dictionaries", kind: .recall,
            question: """
                Can you rely on the iteration order of a Swift Dictionary, e.g. when printing keys or \
                writing a test?
                """,
            answer: """
                No: the order is unspecified (hashing is seeded per process), so it is not part of the \
                value's meaning. Compare dictionaries with == (which ignores order) or compare keys as a \
                Set, and sort the keys when you need a stable order.
                """,
            test: "HandbookBasicsTests.DictionariesTests/iterationOrderIsNotAContract()"),
        ReviewCard(
            id: "basics.structs-and-composition#c2da4996", lesson: "basics.structs-and-composition", kind: .recall,
            question: """
                In Go, `func (p Person) SetAge(a int) { p.Age = a }` silently updates a copy. What happens \
                if you write the same non-mutating setter on a Swift struct, and how do you fix it?
                """,
            answer: """
                It does not compile: inside a non-mutating method self is immutable, so the assignment \
                fails with "cannot assign to property: 'self' is immutable". Mark the method mutating \
                (Swift's pointer receiver, callable only on a var) or make it return a changed copy.
                """,
            test: "HandbookBasicsTests.StructsAndCompositionTests/valueReceiverAssignmentDoesNotCompile()"),
        ReviewCard(
            id: "basics.structs-and-composition#c14680d8", lesson: "basics.structs-and-composition", kind: .predict,
            question: """
                Person is a struct with `mutating func updateAge(to:)`. What does this print?
                var ada = Person(name: "Ada", age: 36)
                let snapshot = ada
                ada.updateAge(to: 37)
                print(ada.age, snapshot.age)
                """,
            answer: """
                37 36. A mutating method replaces the value of the variable it is called on only; snapshot \
                is an independent copy of the struct taken before the call.
                """,
            test: "HandbookBasicsTests.StructsAndCompositionTests/mutatingMethodChangesOnlyTheReceiver()"),
        ReviewCard(
            id: "basics.structs-and-composition#87b99bd0", lesson: "basics.structs-and-composition", kind: .recall,
            question: """
                Swift has no struct embedding. How do you give an Employee that stores a Person Go-style \
                promoted fields, so that `staff.name = "x"` and `staff.age += 1` work?
                """,
            answer: """
                Keep Person as a stored property and mark Employee @dynamicMemberLookup with a \
                subscript(dynamicMember: WritableKeyPath<Person, Value>) whose getter and setter go through \
                person[keyPath:]. Writes then land in staff.person, and a second KeyPath overload forwards \
                read-only computed members; everything stays type-checked.
                """,
            test: "HandbookBasicsTests.StructsAndCompositionTests/forwardingActsLikeEmbedding()"),
        ReviewCard(
            id: "basics.structs-and-composition#bbc9eca7", lesson: "basics.structs-and-composition", kind: .predict,
            question: """
                What does this print?
                struct Marker {}
                print(MemoryLayout<Marker>.size, MemoryLayout<Marker>.stride)
                """,
            answer: """
                0 1. Like Go's struct{}, an empty struct has no stored bytes, but its stride is 1, so each \
                element still advances by one byte in an array.
                """,
            test: "HandbookBasicsTests.StructsAndCompositionTests/emptyStructLayout()"),
        ReviewCard(
            id: "basics.protocols-and-existentials#ba0a7065", lesson: "basics.protocols-and-existentials",
            kind: .checklist,
            question: """
                Interfaces - Can you explain empty interface vs type assertions?
                """,
            answer: """
                Go's interface{}/any is Swift's Any (AnyObject if only class instances are allowed). The \
                comma-ok assertion v, ok := x.(T) is `x as? T`, which yields nil when the dynamic type \
                differs; `x is T` only tests; `as!` is the unchecked x.(T) and traps on a mismatch. You can \
                also cast to a protocol (value as? any Speaker) to ask whether it conforms.
                """,
            test: "HandbookBasicsTests.ProtocolsAndExistentialsTests/conditionalCast()"),
        ReviewCard(
            id: "basics.protocols-and-existentials#03304c99", lesson: "basics.protocols-and-existentials",
            kind: .predict,
            question: """
                What does describe(3.14) return?
                func describe(_ value: Any) -> String {
                  switch value {
                  case let text as String: "String: \\(text)"
                  case let number as Int: "Int: \\(number)"
                  case let speaker as any Speaker: "Speaker: \\(speaker.speak())"
                  default: "Unknown type: \\(type(of: value))"
                  }
                }
                """,
            answer: """
                "Unknown type: Double". A switch with `case let x as T` is Go's type switch: cases are \
                tried in order against the dynamic type, the first match wins, and a Double matches none, \
                so default reports its type.
                """,
            test: "HandbookBasicsTests.ProtocolsAndExistentialsTests/typeSwitch(value:expected:)"),
        ReviewCard(
            id: "basics.protocols-and-existentials#b8f7051b", lesson: "basics.protocols-and-existentials",
            kind: .recall,
            question: """
                Does Swift have Go's "nil interface that is not nil" trap?
                """,
            answer: """
                Not exactly, since an existential cannot hold a nil reference, but its cousin is an \
                Optional boxed in Any: `Int?.none as Any` is a non-nil Any holding nil, so `== nil` on an \
                Any? only sees the outer layer and says false, while `as? Int` quietly returns nil. Avoid \
                erasing optionals into Any (convert Int? straight to Any? instead), or inspect the box.
                """,
            test: "HandbookBasicsTests.ProtocolsAndExistentialsTests/optionalInsideAny()"),
        ReviewCard(
            id: "basics.protocols-and-existentials#758e8ff2", lesson: "basics.protocols-and-existentials",
            kind: .recall,
            question: """
                On a 64-bit platform, what does an `any Speaker` value cost in memory compared with Any, \
                AnyObject and a class-only protocol existential?
                """,
            answer: """
                any Speaker is 40 bytes: a three-word inline buffer, the type metadata pointer and one \
                witness table. Any is 32 (no witness table), AnyObject is a single 8-byte reference, and an \
                existential of a protocol refined from AnyObject is 16 (reference plus witness table). That \
                plus dynamic dispatch is why you prefer some P or generics unless you need mixed types.
                """,
            test: "HandbookBasicsTests.ProtocolsAndExistentialsTests/existentialLayout()"),
        ReviewCard(
            id: "basics.optionals-and-initialization#370d05bf", lesson: "basics.optionals-and-initialization",
            kind: .predict,
            question: """
                Is `result` nil here? What is its type?
                let text: String? = "eighty"
                let result = text.map { Int($0) }
                """,
            answer: """
                It is not nil: its type is Int?? and its value is .some(.none), because map wraps the \
                closure's own Optional in another one, hiding the parse failure. Use flatMap, which \
                flattens to Int? and gives nil.
                """,
            test: "HandbookBasicsTests.OptionalsAndInitializationTests/mapVersusFlatMap()"),
        ReviewCard(
            id: "basics.optionals-and-initialization#43538bff", lesson: "basics.optionals-and-initialization",
            kind: .recall,
            question: """
                Why must a Swift subclass initializer assign its own stored properties before calling \
                super.init, and what does an override called from the superclass initializer see?
                """,
            answer: """
                Two-phase initialization: phase 1 sets every stored property from the subclass up, so that \
                when the base init calls an overridable method in phase 2 the override already sees the \
                subclass's values (here "tls db.internal with db.pem"). Calling super.init first is a \
                compile error: "property 'self.certificate' not initialized at super.init call". Java would \
                show null/0 there instead.
                """,
            test: "HandbookBasicsTests.OptionalsAndInitializationTests/twoPhaseInitialization()"),
        ReviewCard(
            id: "basics.optionals-and-initialization#f3101169", lesson: "basics.optionals-and-initialization",
            kind: .recall,
            question: """
                How do you model a value type that must reject invalid input, such as a TCP port outside \
                1...65535, without Go's zero value or a half-built instance?
                """,
            answer: """
                Give it a failable initializer, init?, that guards the range and returns nil otherwise: \
                Port(0), Port(-1), Port(65_536) and Port(70_000) are all nil. The caller must unwrap the \
                Optional, so an invalid port can never exist as a value.
                """,
            test: "HandbookBasicsTests.OptionalsAndInitializationTests/portOutOfRangeIsNil(number:)"),
        ReviewCard(
            id: "basics.optionals-and-initialization#e50eb91c", lesson: "basics.optionals-and-initialization",
            kind: .predict,
            question: """
                What happens when this runs?
                let port = Port(70_000)   // init? returns nil for out-of-range
                print(port!.number)
                """,
            answer: """
                The process traps with "Unexpectedly found nil while unwrapping an Optional value"; \
                force-unwrapping nil is not recoverable, so in a server it kills every in-flight request. \
                Use guard let ... else or ?? with a default.
                """,
            test: "HandbookBasicsTests.OptionalsAndInitializationTests/forceUnwrapOfNilTraps()"),
        ReviewCard(
            id: "basics.enums-and-pattern-matching#6f19e6ad", lesson: "basics.enums-and-pattern-matching",
            kind: .recall,
            question: """
                Why would you avoid a `default:` clause when switching over your own enum, e.g. a \
                connection state?
                """,
            answer: """
                Without default, the switch must list every case, so when you add a state (say .draining) \
                each switch that forgot it fails with "switch must be exhaustive" and the compiler shows \
                you every place to update. A default: compiles today and silently swallows the new case \
                tomorrow. Go's switch is never exhaustive, so there you rely on discipline.
                """,
            test: "HandbookBasicsTests.EnumsAndPatternMatchingTests/compilerEnforcesEnumRules()"),
        ReviewCard(
            id: "basics.enums-and-pattern-matching#1e116b97", lesson: "basics.enums-and-pattern-matching",
            kind: .predict,
            question: """
                What do status(of: .connecting(attempt: 1)) and status(of: .connecting(attempt: 2)) return?
                switch state {
                case .disconnected: "offline"
                case .connecting(let attempt) where attempt > 1: "retrying (attempt \\(attempt))"
                case .connecting: "connecting"
                case .connected(let id): "online as \\(id)"
                case .failed(let reason): "failed: \\(reason)"
                }
                """,
            answer: """
                "connecting" and "retrying (attempt 2)". Cases are tried in order: case let binds the \
                associated value and the where clause refines the pattern, so attempt 1 falls through to \
                the plain .connecting case.
                """,
            test: "HandbookBasicsTests.EnumsAndPatternMatchingTests/patternsWithWhere()"),
        ReviewCard(
            id: "basics.enums-and-pattern-matching#349a7226", lesson: "basics.enums-and-pattern-matching",
            kind: .recall,
            question: """
                How would you model a client connection state machine in Swift, and what should happen on \
                an event that makes no sense in the current state (e.g. .disconnect while disconnected)?
                """,
            answer: """
                Make the states an enum whose cases carry only the data meaningful in them \
                (.connecting(attempt:), .connected(sessionID:), .failed(reason:)) and switch over the \
                (state, event) pair. An illegal pair should throw an error naming the state and the event \
                rather than silently returning self, which would hide the bug.
                """,
            test: "HandbookBasicsTests.EnumsAndPatternMatchingTests/illegalTransitionThrows(state:event:)"),
        ReviewCard(
            id: "basics.enums-and-pattern-matching#96047696", lesson: "basics.enums-and-pattern-matching",
            kind: .predict,
            question: """
                enum HTTPMethod: String { case get = "GET"; case post = "POST" /* ... */ }
                What do HTTPMethod(rawValue: "get") and HTTPMethod(rawValue: "GET ") return?
                """,
            answer: """
                nil for both. init?(rawValue:) is failable and matches the raw string exactly, so wrong \
                case or a trailing space is rejected; input from the wire must be handled as an Optional, \
                never assumed valid.
                """,
            test: "HandbookBasicsTests.EnumsAndPatternMatchingTests/invalidRawValueIsNil(text:)"),
        ReviewCard(
            id: "basics.strings-and-characters#54d23e26", lesson: "basics.strings-and-characters", kind: .predict,
            question: """
                What does this print?
                let s = "hello 世界"
                print(s.count, s.unicodeScalars.count, s.utf8.count)
                """,
            answer: """
                8 8 12. count counts grapheme clusters (Characters); each CJK character is one scalar but \
                three UTF-8 bytes. Go's len(s) would report 12, the byte count, which is s.utf8.count in \
                Swift.
                """,
            test: "HandbookBasicsTests.StringsAndCharactersTests/lengthsInEveryUnit(text:expected:)"),
        ReviewCard(
            id: "basics.strings-and-characters#7982d1ce", lesson: "basics.strings-and-characters", kind: .predict,
            question: """
                What does this print?
                let a = "caf\\u{E9}"      // precomposed é
                let b = "cafe\\u{301}"    // e + combining accent
                print(a == b, a.utf8.count, b.utf8.count, Set([a, b]).count)
                """,
            answer: """
                true 5 6 1. Swift's String == uses canonical equivalence, not byte comparison, and hashing \
                agrees, so the two spellings are one key in a Set. Go's == compares bytes and would say \
                false.
                """,
            test: "HandbookBasicsTests.StringsAndCharactersTests/canonicalEquivalence()"),
        ReviewCard(
            id: "basics.strings-and-characters#1c908f1c", lesson: "basics.strings-and-characters", kind: .recall,
            question: """
                You must truncate user text to fit a VARCHAR column limited in bytes. Why is Go-style byte \
                slicing wrong in Swift, and what do you do?
                """,
            answer: """
                Cutting the UTF-8 at an arbitrary byte can split a multi-byte scalar, which decodes to \
                U+FFFD replacement characters. For a character limit use prefix(n) on the String (whole \
                grapheme clusters); for a byte budget, walk the Characters and keep adding whole ones while \
                their utf8.count still fits.
                """,
            test: "HandbookBasicsTests.StringsAndCharactersTests/truncation()"),
        ReviewCard(
            id: "basics.strings-and-characters#176f9caa", lesson: "basics.strings-and-characters", kind: .recall,
            question: """
                What is the risk of storing a Substring (e.g. the method parsed from a request line) in a \
                long-lived cache, and how do you avoid it?
                """,
            answer: """
                A Substring is a view that shares the base string's storage (its base is the full line), so \
                it keeps the whole original string alive. Convert with String(slice), which copies just \
                those characters into independent storage; the type system makes this explicit, since a \
                Substring is not accepted where a String is expected.
                """,
            test: "HandbookBasicsTests.StringsAndCharactersTests/substringSharesStorage()"),
        ReviewCard(
            id: "basics.error-basics#e964c4cd", lesson: "basics.error-basics", kind: .predict,
            question: """
                divide(_:_:) takes and returns Double and throws MathError.divisionByZero when the divisor \
                is 0. What does this print?
                print(try? divide(9, 3), try? divide(1, 0))
                """,
            answer: """
                Optional(3.0) nil. try? turns a successful result into an Optional and any thrown error \
                into nil, discarding the reason, so use it only when "no value" is all the caller needs to \
                know.
                """,
            test: "HandbookBasicsTests.ErrorBasicsTests/tryQuestionMarkGivesNil()"),
        ReviewCard(
            id: "basics.error-basics#916e72bc", lesson: "basics.error-basics", kind: .recall,
            question: """
                What happens when a `try!` call actually throws, and where is it acceptable?
                """,
            answer: """
                The process traps with "'try!' expression unexpectedly raised an error"; it is the \
                equivalent of a Go panic nobody recovers, and in a server it takes down every in-flight \
                request. Reserve it for cases where a throw would be a programmer bug, and otherwise use \
                try with do/catch or try?.
                """,
            test: "HandbookBasicsTests.ErrorBasicsTests/tryBangTraps()"),
        ReviewCard(
            id: "basics.error-basics#ca79bca7", lesson: "basics.error-basics", kind: .predict,
            question: """
                MathError.divisionByZero(dividend: Double) describes itself as "cannot divide \\(dividend) \
                by zero". What does outcome(of:) return for divide(0, 0) and for divide(3, 0)?
                do { return "value \\(try body())" }
                catch MathError.notFound { return "missing value" }
                catch MathError.divisionByZero(let d) where d == 0 { return "undefined (0 / 0)" }
                catch let error as MathError { return "math error: \\(error)" }
                catch { return "unexpected: \\(error)" }
                """,
            answer: """
                "undefined (0 / 0)" and "math error: cannot divide 3.0 by zero". catch clauses are patterns \
                tried in order: the case-with-where clause matches only dividend 0, so the second error \
                falls to the typed MathError clause, which prints its description.
                """,
            test: "HandbookBasicsTests.ErrorBasicsTests/catchPatterns(failure:expected:)"),
        ReviewCard(
            id: "basics.error-basics#e3f0655d", lesson: "basics.error-basics", kind: .recall,
            question: """
                How do you express Go's sentinel errors and custom error types in Swift, and how do you \
                keep context such as which value was divided by zero?
                """,
            answer: """
                Use an enum conforming to Error: a case with no payload is a sentinel you match in catch \
                (like comparing with errors.New values), and associated values carry the context \
                (divisionByZero(dividend: 10)). Conforming to CustomStringConvertible gives the message, \
                e.g. "cannot divide 10.0 by zero".
                """,
            test: "HandbookBasicsTests.ErrorBasicsTests/divisionByZeroCarriesContext()"),
        ReviewCard(
            id: "basics.error-basics#d5b40387", lesson: "basics.error-basics", kind: .recall,
            question: """
                What does `rethrows` on a higher-order function buy the caller?
                """,
            answer: """
                The function throws only if the closure passed to it throws. Called with a non-throwing \
                closure, it needs no try at the call site; with a throwing one such as squareRoot, the \
                error propagates and the call must be marked try.
                """,
            test: "HandbookBasicsTests.ErrorBasicsTests/rethrowsFollowsTheClosure()"),
        ReviewCard(
            id: "intermediate.defer#7cc924f8", lesson: "intermediate.defer", kind: .predict,
            question: """
                What does this record, in order?
                func threeDefers(record: (Int) -> Void) {
                  defer { record(1) }
                  defer { record(2) }
                  defer { record(3) }
                  record(0)
                }
                """,
            answer: """
                0, 3, 2, 1. The body runs first; when the scope exits, the defers run last-in, first-out, \
                as in Go.
                """,
            test: "HandbookIntermediateTests.DeferSemanticsTests/defersRunLastInFirstOut()"),
        ReviewCard(
            id: "intermediate.defer#9065a29e", lesson: "intermediate.defer", kind: .predict,
            question: """
                What does this record? What would the Go version `defer log(x)` log?
                var x = 1
                defer { record(x) }
                x = 2
                """,
            answer: """
                Swift records 2: a defer block reads variables when it runs, at scope exit. Go evaluates a \
                deferred call's arguments at the defer statement and logs 1; to get that in Swift, copy the \
                value into a let before the defer and record the copy.
                """,
            test: "HandbookIntermediateTests.DeferSemanticsTests/deferReadsTheCurrentValue()"),
        ReviewCard(
            id: "intermediate.defer#b7cbb4e4", lesson: "intermediate.defer", kind: .predict,
            question: """
                What is the order of records when condition is true?
                record("start")
                if condition {
                  defer { record("if-block defer") }
                  record("inside if")
                }
                record("after if")
                """,
            answer: """
                start, inside if, if-block defer, after if. A Swift defer is tied to its enclosing scope, \
                here the if block, not to the function; in Go it would run at function exit, after "after \
                if". Likewise a defer in a loop body runs at the end of every iteration.
                """,
            test: "HandbookIntermediateTests.DeferSemanticsTests/deferRunsAtScopeExitNotFunctionExit()"),
        ReviewCard(
            id: "intermediate.defer#2ed00af3", lesson: "intermediate.defer", kind: .recall,
            question: """
                In Go you wrap a function's error by modifying the named result in a deferred closure. How \
                do you do the same in Swift, and why not with defer?
                """,
            answer: """
                A Swift defer cannot change the result (the return value is computed before it runs) and \
                cannot throw ("errors cannot be thrown out of a defer body"). Wrap at the boundary instead: \
                do { return try operation() } catch { throw DeferredError(underlying: error) }, which keeps \
                the original as underlying and reads "deferred: original error".
                """,
            test: "HandbookIntermediateTests.DeferSemanticsTests/errorIsWrappedAtTheBoundary()"),
        ReviewCard(
            id: "intermediate.defer#ed6f603e", lesson: "intermediate.defer", kind: .recall,
            question: """
                How do you write "roll back unless the whole transaction succeeded" cleanup with defer in \
                Swift?
                """,
            answer: """
                Declare `var committed = false`, then `defer { if !committed { rollback() } }`, and set \
                committed = true as the last line of the happy path. Any throw before that line (e.g. the \
                credit step failing after the debit) runs the rollback; a successful run skips it.
                """,
            test: "HandbookIntermediateTests.DeferSemanticsTests/rollbackUnlessCommitted()"),
        ReviewCard(
            id: "intermediate.traps-vs-throws#1d1a2bf5", lesson: "intermediate.traps-vs-throws", kind: .recall,
            question: """
                A Swift HTTP handler does `let quantity = Int(query["quantity"]!)!`. What happens when a \
                client sends ?quantity=abc, and how is that different from Go's net/http?
                """,
            answer: """
                The force unwrap of nil traps, and a trap ends the whole process, so every in-flight \
                request dies: one bad query string is a denial of service. Go's net/http recovers a \
                handler's panic per request; Swift has no recover(), so untrusted input must never reach !, \
                try! or precondition.
                """,
            test: "HandbookIntermediateTests.TrapsVsThrowsTests/trappingHandlerCrashesTheServer()"),
        ReviewCard(
            id: "intermediate.traps-vs-throws#28965df6", lesson: "intermediate.traps-vs-throws", kind: .recall,
            question: """
                How do you structure request handling in Swift so that bad input costs one response instead \
                of the process?
                """,
            answer: """
                Validate every field at the boundary and throw a typed error (missing field, not a number, \
                out of range, overflow) instead of trapping. The serving loop catches it per request and \
                turns it into a 400 whose body is the error's description, then carries on with the next \
                request.
                """,
            test: "HandbookIntermediateTests.TrapsVsThrowsTests/serverKeepsServing()"),
        ReviewCard(
            id: "intermediate.traps-vs-throws#ff2ab821", lesson: "intermediate.traps-vs-throws", kind: .recall,
            question: """
                Can a parent task catch a trap (e.g. an out-of-bounds index) that happens inside a child \
                Task?
                """,
            answer: """
                No. A trap is not an error value; it kills the entire process, and nothing in Swift can \
                catch it (the test can only observe it as a failing exit). Only thrown errors travel: they \
                come back out of `try await task.value` and the parent can handle them.
                """,
            test: "HandbookIntermediateTests.TrapsVsThrowsTests/trapInChildTaskKillsTheProcess()"),
        ReviewCard(
            id: "intermediate.traps-vs-throws#58d38f87", lesson: "intermediate.traps-vs-throws", kind: .predict,
            question: """
                `Int.max + 1` with a runtime value traps. What do these give?
                let a = Int.max &+ 1
                let b = Int.max.addingReportingOverflow(1)
                """,
            answer: """
                a is Int.min, and b is (partialValue: Int.min, overflow: true). &+ wraps around in two's \
                complement on purpose, and addingReportingOverflow reports the overflow instead of \
                trapping, so you can turn it into a thrown error; Go's + silently wraps.
                """,
            test: "HandbookIntermediateTests.TrapsVsThrowsTests/wrappingAndReportingArithmetic()"),
        ReviewCard(
            id: "intermediate.error-chains#8a7845a4", lesson: "intermediate.error-chains", kind: .checklist,
            question: """
                Error Handling - Can you implement custom errors with wrapping?
                """,
            answer: """
                Any enum or struct can conform to Error, but Swift has no standard %w/Unwrap or \
                errors.Is/As, so you build them: a WrappedError protocol with `var underlying: any Error`, \
                wrapper structs (QueryError with its sql, ContextError with a context string) thrown from \
                do/catch at each layer, and an extension on Error that walks the chain: contains(_:) for \
                Equatable sentinels (errors.Is) and first(as:) returning an Optional (errors.As).
                """,
            test: "HandbookIntermediateTests.ErrorChainsTests/containsIsErrorsIs()"),
        ReviewCard(
            id: "intermediate.error-chains#5fd03ce6", lesson: "intermediate.error-chains", kind: .predict,
            question: """
                loadUser wraps queryUser's error in ContextError("loading user", underlying:), queryUser \
                wraps fetchRow's DBError.notFound in QueryError, and each description is "<context>: \
                \\(underlying)" ("query failed: ..." for QueryError). What does print(error) show for a \
                missing user?
                """,
            answer: """
                loading user: query failed: not found. Each wrapper renders its own context followed by the \
                error it wraps, so the message reads outermost first, like Go's fmt.Errorf chain, and the \
                chain has three links.
                """,
            test: "HandbookIntermediateTests.ErrorChainsTests/threeLevelMessage()"),
        ReviewCard(
            id: "intermediate.error-chains#ea0473e2", lesson: "intermediate.error-chains", kind: .recall,
            question: """
                loadUser throws DBError.notFound wrapped twice. Why doesn't a `catch DBError.notFound` \
                clause (or `error as? DBError == .notFound`) fire?
                """,
            answer: """
                catch patterns and as? look at the top error only, which is a ContextError; the sentinel \
                sits two links down. A `catch let e as ContextError` clause matches instead. To ask whether \
                notFound is anywhere in the chain, walk it (error.contains(DBError.notFound)), Swift's \
                counterpart of errors.Is.
                """,
            test: "HandbookIntermediateTests.ErrorChainsTests/catchLetAsBindsTheTypedValue()"),
        ReviewCard(
            id: "intermediate.error-chains#f4d8b7fc", lesson: "intermediate.error-chains", kind: .recall,
            question: """
                What is lost if a layer rethrows `MessageError("loading user: \\(error)")` instead of \
                wrapping the error as `underlying`?
                """,
            answer: """
                The text is identical, but the chain is gone: the error is now a single link, so \
                contains(DBError.notFound) is false and first(as: QueryError.self) is nil. It is the Swift \
                version of using %v instead of %w in Go.
                """,
            test: "HandbookIntermediateTests.ErrorChainsTests/flatteningLosesTheChain()"),
        ReviewCard(
            id: "intermediate.typed-throws#a7a173ea", lesson: "intermediate.typed-throws", kind: .predict,
            question: """
                parsePort is `throws(ParseError)` with cases empty, notANumber(String), outOfRange(Int). \
                What does describe("80a") return, and why does the switch compile without default?
                do { return "port \\(try parsePort(text))" }
                catch {
                  switch error {
                  case .empty: return "empty"
                  case .notANumber(let t): return "not a number: \\(t)"
                  case .outOfRange(let v): return "out of range: \\(v)"
                  }
                }
                """,
            answer: """
                "not a number: 80a". Because the do body only throws ParseError, the catch binds error as \
                ParseError, not any Error, so an exhaustive switch over its cases needs no cast and no \
                default.
                """,
            test: "HandbookIntermediateTests.TypedThrowsTests/exhaustiveSwitchWithoutDefault(input:expected:)"),
        ReviewCard(
            id: "intermediate.typed-throws#5eb6d793", lesson: "intermediate.typed-throws", kind: .recall,
            question: """
                Inside a closure passed to map, you call a throws(ParseError) function in a plain do/catch \
                and switch over .empty. Why doesn't it compile, and what is the fix?
                """,
            answer: """
                In a closure, a plain do/catch binds error as any Error even though the body only throws \
                ParseError, so `.empty` is not a member ("type 'any Error' has no member 'empty'"). Write \
                `do throws(ParseError) { ... } catch { ... }` to make the catch typed.
                """,
            test: "HandbookIntermediateTests.TypedThrowsTests/closureDoCatchIsUntyped()"),
        ReviewCard(
            id: "intermediate.typed-throws#5295ce92", lesson: "intermediate.typed-throws", kind: .recall,
            question: """
                How do you write a retry helper that does not erase the caller's error type to any Error, \
                and what happens with a non-throwing closure?
                """,
            answer: """
                Make it generic over the error: func withRetry<T, E: Error>(attempts: Int, _ body: () \
                throws(E) -> T) throws(E) -> T. The caller's catch still sees E (e.g. ParseError) after the \
                generic hop, and when the closure cannot throw E is Never, so the call needs no try at all.
                """,
            test: "HandbookIntermediateTests.TypedThrowsTests/genericForwarderPreservesE()"),
        ReviewCard(
            id: "intermediate.typed-throws#4e88f8ed", lesson: "intermediate.typed-throws", kind: .recall,
            question: """
                A config layer is declared throws(ConfigError) and calls parsePort, which \
                throws(ParseError). What must it do with a ParseError, and how does an untyped `throws` \
                layer behave instead?
                """,
            answer: """
                A typed layer may throw only ConfigError, so it must catch and translate, e.g. throw \
                .badPort(error); letting the ParseError escape is a compile error. An untyped throws layer \
                passes ParseError.empty through unchanged and can add failure modes later, which is why \
                untyped throws suits evolving public APIs.
                """,
            test: "HandbookIntermediateTests.TypedThrowsTests/layeringTypedVersusUntyped()"),
        ReviewCard(
            id: "intermediate.protocol-composition-and-dispatch#ad86728b",
            lesson: "intermediate.protocol-composition-and-dispatch", kind: .predict,
            question: """
                protocol LabelledByExtension { var name: String { get } }
                extension LabelledByExtension { func label() -> String { "thing \\(name)" } }
                struct Dog: LabelledByExtension { var name: String; func label() -> String { "Dog \\(name)" \
                } }

                let dog = Dog(name: "Rex")
                let e: any LabelledByExtension = dog
                print(dog.label(), "|", e.label())
                """,
            answer: """
                Dog Rex | thing Rex. label() exists only in the protocol extension, so it is not a \
                requirement and has no witness-table entry: the call is resolved from the static type, and \
                through any LabelledByExtension (or a generic T) the extension's version runs. Dog's method \
                shadows it, it does not override it.
                """,
            test: "HandbookIntermediateTests.ProtocolCompositionAndDispatchTests/extensionOnlyMethodIsStatic()"),
        ReviewCard(
            id: "intermediate.protocol-composition-and-dispatch#3b844851",
            lesson: "intermediate.protocol-composition-and-dispatch", kind: .recall,
            question: """
                How do you make a protocol method with a default implementation customizable, so that calls \
                through `any P` and generics reach the conforming type's own version?
                """,
            answer: """
                Declare it in the protocol body as a requirement and put the default in an extension. \
                Requirements are dispatched through the witness table, so Dog's describe() runs whether you \
                call it on Dog, on any Describable or through a generic T: Describable; the extension's \
                default is used only by types that don't implement it.
                """,
            test: "HandbookIntermediateTests.ProtocolCompositionAndDispatchTests/requirementIsDynamic()"),
        ReviewCard(
            id: "intermediate.protocol-composition-and-dispatch#8459f074",
            lesson: "intermediate.protocol-composition-and-dispatch", kind: .recall,
            question: """
                Robot has `name` and `greet()` but declares only `Named, Greeter`. Is it a NamedGreeter \
                (protocol NamedGreeter: Named, Greeter {})? How would Go answer?
                """,
            answer: """
                No: Swift conformance is nominal, so Robot is a NamedGreeter only if it declares it. It is, \
                however, accepted by the composition `some Named & Greeter` / `any Named & Greeter`, which \
                asks for both protocols at the use site. Go satisfies interfaces structurally and would \
                accept Robot.
                """,
            test: "HandbookIntermediateTests.ProtocolCompositionAndDispatchTests/conformanceIsNominal()"),
        ReviewCard(
            id: "intermediate.protocol-composition-and-dispatch#67beb500",
            lesson: "intermediate.protocol-composition-and-dispatch", kind: .predict,
            question: """
                extension Array: Speaker where Element: Speaker {
                  func speak() -> String { map { $0.speak() }.joined(separator: " ") }
                }
                Puppy.speak() returns "Woof"; Rock is not a Speaker.
                What do [[Puppy()], [Puppy(), Puppy()]].speak() and `([Rock()] as Any) is any Speaker` give?
                """,
            answer: """
                "Woof Woof Woof" and false. Conditional conformance makes an array a Speaker exactly when \
                its elements are, recursively for nested arrays, and [Rock] is not one (calling speak() on \
                it doesn't compile). Go cannot express "a slice of speakers is a speaker".
                """,
            test: "HandbookIntermediateTests.ProtocolCompositionAndDispatchTests/conditionalConformance()"),
        ReviewCard(
            id: "intermediate.codable-edge-cases#4a7d580e", lesson: "intermediate.codable-edge-cases", kind: .recall,
            question: """
                A Codable struct declares `var pageSize = 20`. What happens when you decode `{}`, and how \
                do you make the missing key fall back to 20?
                """,
            answer: """
                Decoding throws a DecodingError: the synthesized init(from:) ignores property defaults and \
                requires the key. Write init(from:) yourself with `try container.decodeIfPresent(Int.self, \
                forKey: .pageSize) ?? 20`. A present key with the wrong type ("ten") still throws, because \
                the default covers absence, not bad data. Go would silently zero-fill instead.
                """,
            test: "HandbookIntermediateTests.CodableEdgeCasesTests/missingKeyUsesDefault()"),
        ReviewCard(
            id: "intermediate.codable-edge-cases#ef046484", lesson: "intermediate.codable-edge-cases", kind: .predict,
            question: """
                Account has CodingKeys { case publicField = "public_field"; case nickname } and a third \
                property `var cachedScore = 0` with no key. With .sortedKeys, what does encoding \
                Account(publicField: "x", nickname: nil, cachedScore: 99) produce?
                """,
            answer: """
                {"public_field":"x"}. CodingKeys rename the field (Go's json tag), a property without a \
                case is excluded (json:"-"), and the synthesized encoder uses encodeIfPresent, so a nil \
                optional is omitted like omitempty.
                """,
            test: "HandbookIntermediateTests.CodableEdgeCasesTests/codingKeysRenameExcludeAndOmit()"),
        ReviewCard(
            id: "intermediate.codable-edge-cases#7a9d193e", lesson: "intermediate.codable-edge-cases", kind: .recall,
            question: """
                Your client decodes `role` into `enum Role: String, Codable { case admin, member }` and the \
                server starts sending "owner". What happens, and how do you make the client tolerant?
                """,
            answer: """
                The whole payload fails to decode with DecodingError.dataCorrupted at codingPath ["role"]. \
                Give the enum a fallback case, unknown(String), and a custom init(from:) that decodes the \
                raw string and maps unrecognised values to .unknown(raw); encoding it back writes the \
                original string.
                """,
            test: "HandbookIntermediateTests.CodableEdgeCasesTests/unknownEnumValue()"),
        ReviewCard(
            id: "intermediate.codable-edge-cases#bd8c07de", lesson: "intermediate.codable-edge-cases", kind: .predict,
            question: """
                With decoder.keyDecodingStrategy = .convertFromSnakeCase, which of these decodes \
                {"first_name":"Ada","user_id":7}?
                struct Profile: Codable { var firstName: String; var userId: Int }
                struct ProfileWithAcronym: Codable { var firstName: String; var userID: Int }
                """,
            answer: """
                Only Profile. The strategy turns user_id into userId, never userID, so ProfileWithAcronym \
                throws a DecodingError because its key is not found. Use a CodingKeys case or rename the \
                property.
                """,
            test: "HandbookIntermediateTests.CodableEdgeCasesTests/snakeCaseConversion()"),
        ReviewCard(
            id: "intermediate.codable-edge-cases#6c0d7490", lesson: "intermediate.codable-edge-cases", kind: .predict,
            question: """
                With a plain JSONEncoder (only .sortedKeys set), what does encoding Event(name: "epoch", \
                at: Date(timeIntervalSince1970: 0)) produce?
                """,
            answer: """
                {"at":-978307200,"name":"epoch"}. The default date strategy writes seconds since 2001-01-01 \
                (Apple's reference date), which no other system expects; set .iso8601 \
                ("1970-01-01T00:00:00Z") or .secondsSince1970 explicitly on both encoder and decoder.
                """,
            test: "HandbookIntermediateTests.CodableEdgeCasesTests/dateStrategies()"),
        ReviewCard(
            id: "intermediate.inout-and-exclusivity#a37cd2e8", lesson: "intermediate.inout-and-exclusivity",
            kind: .recall,
            question: """
                Why does `swap(&numbers[0], &numbers[1])` not compile in Swift, when the Go equivalent with \
                pointers is fine?
                """,
            answer: """
                Each subscript passed inout is a write access to the whole array for the duration of the \
                call, so the two accesses overlap and violate the law of exclusivity ("overlapping accesses \
                to 'numbers'"). Use numbers.swapAt(0, 1), a single mutating call; the diagnostic even \
                suggests it.
                """,
            test: "HandbookIntermediateTests.InoutAndExclusivityTests/swappingElementsDoesNotCompile()"),
        ReviewCard(
            id: "intermediate.inout-and-exclusivity#7215f7ad", lesson: "intermediate.inout-and-exclusivity",
            kind: .recall,
            question: """
                `move(amount, from: &source.balance, to: &destination.balance)` with Account a class \
                compiles and works in tests. When does it fail in production and how do you fix it?
                """,
            answer: """
                When source and destination are the same object (a self-transfer): both inout accesses hit \
                one stored property at once, and the run-time exclusivity check traps the process with \
                "Simultaneous accesses". The compiler can't prove class references distinct, so the check \
                is dynamic. Fix: two sequential accesses (source.balance -= amount; destination.balance += \
                amount), which makes a self-transfer a no-op.
                """,
            test: "HandbookIntermediateTests.InoutAndExclusivityTests/selfTransferTraps()"),
        ReviewCard(
            id: "intermediate.inout-and-exclusivity#d4614fa4", lesson: "intermediate.inout-and-exclusivity",
            kind: .predict,
            question: """
                `stored` is a class property that starts at 0 and has a didSet that counts writes. How many \
                times does didSet fire, and what is stored afterwards?
                func incrementThreeTimes(_ value: inout Int) { value += 1; value += 1; value += 1 }
                incrementThreeTimes(&observed.stored)
                """,
            answer: """
                Once, and stored ends at 3. inout is copy-in/copy-out: the callee works on its own copy and \
                the result is written back a single time when the call returns, so observers and setters \
                run once. Three direct `observed.stored += 1` statements would fire it three times.
                """,
            test: "HandbookIntermediateTests.InoutAndExclusivityTests/inoutWritesBackOnce()"),
        ReviewCard(
            id: "intermediate.inout-and-exclusivity#18f7cbae", lesson: "intermediate.inout-and-exclusivity",
            kind: .recall,
            question: """
                What is wrong with `modify(&count) { count += 1 }` where count is a local variable and \
                modify takes `inout Int` plus a closure?
                """,
            answer: """
                The closure accesses count while modify still holds an exclusive inout write access to it, \
                an overlapping access. For a local variable the compiler proves the conflict and rejects it \
                ("overlapping accesses to 'count', but modification requires exclusive access"); the same \
                pattern through a class property compiles and traps at run time instead.
                """,
            test: "HandbookIntermediateTests.InoutAndExclusivityTests/overlappingLocalAccessDoesNotCompile()"),
        ReviewCard(
            id: "advanced.task-cancellation#dd56e16e", lesson: "advanced.task-cancellation", kind: .checklist,
            question: """
                Context - Do you know when to use context.WithTimeout vs context.WithCancel?
                """,
            answer: """
                WithCancel is for stopping work on an event (client gone, shutdown, a sibling already \
                answered); in Swift it is built in: every task carries a cancellation flag, task.cancel() \
                or group.cancelAll() sets it, structured children inherit it, and clock sleeps throw \
                CancellationError (Go's context.Canceled). WithTimeout is for a time budget; Swift has no \
                standard withTimeout, so you race the work against clock.sleep in a task group and cancel \
                the loser (the deadlines lesson builds it).
                """,
            test: "HandbookAdvancedTests.TaskCancellationTests/cancelledWorkThrowsCancellationError()"),
        ReviewCard(
            id: "advanced.task-cancellation#424a908c", lesson: "advanced.task-cancellation", kind: .recall,
            question: """
                You call cancel() on a Task running a CPU-bound loop that never awaits. Does the loop stop?
                """,
            answer: """
                No. cancel() only sets the task's cancellation flag; nothing is interrupted, so a loop that \
                never reads it runs to completion even though Task.isCancelled is true. Make it \
                cooperative: call try Task.checkCancellation() every N iterations (it works in synchronous \
                code too) to throw CancellationError, or check Task.isCancelled and stop gracefully.
                """,
            test: "HandbookAdvancedTests.TaskCancellationTests/onlyCooperativeCodeStops()"),
        ReviewCard(
            id: "advanced.task-cancellation#3d1b7e3b", lesson: "advanced.task-cancellation", kind: .recall,
            question: """
                Inside a task that gets cancelled, you started `Task { ... }` and `Task.detached { ... }` \
                and await their values. Are they cancelled? How do you make them follow the parent?
                """,
            answer: """
                No: only structured children (async let, task-group children) inherit cancellation. Task {} \
                and Task.detached start new trees, and awaiting task.value does not forward cancellation, \
                so they sleep their full duration. Forward it explicitly: withTaskCancellationHandler { \
                await task.value } onCancel: { task.cancel() }.
                """,
            test: "HandbookAdvancedTests.TaskCancellationTests/unstructuredTasksDoNotInheritCancellation(style:)"),
        ReviewCard(
            id: "advanced.task-cancellation#6114abe3", lesson: "advanced.task-cancellation", kind: .recall,
            question: """
                When and where does the onCancel closure of withTaskCancellationHandler run?
                """,
            answer: """
                At most once, synchronously on whatever thread calls cancel(), before cancel() returns, \
                while the body may still be running; a second cancel() does not run it again. If the task \
                is already cancelled, it runs immediately, before the body starts. So keep it tiny and \
                thread-safe, e.g. setting an atomic flag or cancelling another task.
                """,
            test: "HandbookAdvancedTests.TaskCancellationTests/cancellationHandlerRunsOnce()"),
        ReviewCard(
            id: "advanced.task-cancellation#52002dad", lesson: "advanced.task-cancellation", kind: .predict,
            question: """
                sleepingChildren(100, clock:) adds 100 task-group children that each `try await \
                clock.sleep(for: .seconds(3_600))` and returns how many caught CancellationError. On a \
                manual clock that never advances, all 100 are asleep when the parent task is cancelled. \
                What does parent.value return?
                """,
            answer: """
                100. Cancelling the parent cancels every structured child in its group, and clock sleeps \
                are cancellation points, so each child wakes at once with CancellationError while the clock \
                stays at zero, Go's fan-out cancellation without passing a ctx.
                """,
            test: "HandbookAdvancedTests.TaskCancellationTests/groupChildrenAreCancelled()"),
        ReviewCard(
            id: "advanced.deadlines-and-timeouts#53e97c04", lesson: "advanced.deadlines-and-timeouts", kind: .recall,
            question: """
                The standard library has no withTimeout. How do you write one so that the timed-out work \
                does not leak?
                """,
            answer: """
                Use withThrowingTaskGroup with two children: the operation, and a child that sleeps until \
                the deadline on an injected clock and then throws TimeoutError. Take the first result with \
                group.next() and cancelAll() the rest. Because a group waits for all its children before \
                returning, by the time TimeoutError reaches the caller the operation has been cancelled and \
                has finished.
                """,
            test: "HandbookAdvancedTests.DeadlinesAndTimeoutsTests/slowOperationTimesOut()"),
        ReviewCard(
            id: "advanced.deadlines-and-timeouts#5ea69389", lesson: "advanced.deadlines-and-timeouts", kind: .recall,
            question: """
                In a task-group withTimeout, why must you call group.cancelAll() after the first result \
                even when the operation wins?
                """,
            answer: """
                A task group does not return until all its children finish, so without cancelAll the \
                winning operation's caller would wait for the timer child to sleep out the whole timeout. \
                With it, a 30 ms call under a 3 s timeout returns after 30 ms and no timer is left sleeping.
                """,
            test: "HandbookAdvancedTests.DeadlinesAndTimeoutsTests/fastOperationReturnsItsValue()"),
        ReviewCard(
            id: "advanced.deadlines-and-timeouts#4570dfe2", lesson: "advanced.deadlines-and-timeouts", kind: .recall,
            question: """
                What goes wrong if you port Go's `select { case r := <-done: ... case <-time.After(d): ... \
                }` to Swift with two unstructured Tasks and a continuation?
                """,
            answer: """
                The caller does get TimeoutError on time, but the operation task is neither cancelled nor \
                awaited: it keeps running and holding its resources after the function returned, Go's \
                leaked goroutine. The structured task-group version cancels the loser and waits for it.
                """,
            test: "HandbookAdvancedTests.DeadlinesAndTimeoutsTests/leakyTimeoutLeavesTheOperationRunning()"),
        ReviewCard(
            id: "advanced.deadlines-and-timeouts#ea9ee702", lesson: "advanced.deadlines-and-timeouts", kind: .predict,
            question: """
                A request has Deadline(after: .milliseconds(100), clock:) and a sub-call asks for \
                child(timeout: .seconds(1)), where child takes min(parent instant, now + timeout). What is \
                the child's remaining budget?
                """,
            answer: """
                100 ms. A child deadline is the earlier of its own timeout and the parent's deadline, so a \
                sub-call can never outlive the request it serves; this is what Go's \
                context.WithTimeout(parent, d) does automatically and what Swift code does by passing \
                deadlines (instants) down, not fresh durations.
                """,
            test: "HandbookAdvancedTests.DeadlinesAndTimeoutsTests/nestedDeadlinesTakeTheMinimum(requested:granted:)"),
        ReviewCard(
            id: "advanced.task-local-values#898f789c", lesson: "advanced.task-local-values", kind: .recall,
            question: """
                How do you get a request ID into a log line three async calls deep without a ctx parameter, \
                and why is that better than Go's context.WithValue?
                """,
            answer: """
                Declare `@TaskLocal static var requestID: String?` and serve the request inside \
                `$requestID.withValue(id) { ... }`; every function the task calls reads requestID directly, \
                and outside the scope it is nil again. The key is the typed declaration itself, so a \
                misspelt key or wrong type is a compile error, not Go's silent nil from a string-keyed \
                ctx.Value.
                """,
            test: "HandbookAdvancedTests.TaskLocalValuesTests/valueIsVisibleThreeCallsDeep()"),
        ReviewCard(
            id: "advanced.task-local-values#31242334", lesson: "advanced.task-local-values", kind: .predict,
            question: """
                What does each line give?
                let task = await $requestID.withValue("req-9") { Task { requestID } }
                print(requestID)            // after the scope
                print(await task.value)
                """,
            answer: """
                nil, then Optional("req-9"). withValue binds only for its scope, so the value is gone \
                afterwards, but Task {} copies the current task-local bindings when it is created and keeps \
                them even after that scope ended.
                """,
            test: "HandbookAdvancedTests.TaskLocalValuesTests/unstructuredTaskInheritsTheValue()"),
        ReviewCard(
            id: "advanced.task-local-values#69eddf5c", lesson: "advanced.task-local-values", kind: .recall,
            question: """
                A handler bound requestID with withValue and then starts background work with \
                Task.detached. What does the detached task see, and why?
                """,
            answer: """
                nil, the default: a detached task inherits nothing from its creator, neither task-locals \
                nor priority nor actor. Use Task {} (copies the bindings) or structured children (async \
                let, group tasks, which read the parent's bindings) when the work should carry the request \
                ID.
                """,
            test: "HandbookAdvancedTests.TaskLocalValuesTests/detachedTaskSeesTheDefault()"),
        ReviewCard(
            id: "advanced.task-local-values#8b139ff6", lesson: "advanced.task-local-values", kind: .predict,
            question: """
                logLine(m) returns "[\\(requestID ?? "no-request")] \\(m)". What three lines are logged?
                await serve(requestID: "outer") {
                  log(logLine("before"))
                  await serve(requestID: "inner") { log(logLine("nested")) }
                  log(logLine("after"))
                }
                """,
            answer: """
                [outer] before, [inner] nested, [outer] after. A nested withValue shadows the outer binding \
                for its own scope only and restores the outer value when it returns.
                """,
            test: "HandbookAdvancedTests.TaskLocalValuesTests/nestedBindingsShadowAndRestore()"),
        ReviewCard(
            id: "advanced.configuration-with-defaults#f4569f61", lesson: "advanced.configuration-with-defaults",
            kind: .recall,
            question: """
                A Go developer proposes functional options (`NewServer(WithPort(9000), WithTLS())`) for a \
                Swift server configuration. What do you use instead?
                """,
            answer: """
                A Sendable struct whose properties have default values and an init where every argument has \
                a default, so `try ServerConfiguration(port: 9000)` overrides one setting and keeps the \
                rest; the init validates and throws a typed error. Add `static let` presets (production, \
                development) and a `with { $0.field = ... }` helper for composable tweaks. Go needs options \
                because it lacks default arguments; Swift has them.
                """,
            test: "HandbookAdvancedTests.ConfigurationWithDefaultsTests/overridingOneSettingKeepsTheRest()"),
        ReviewCard(
            id: "advanced.configuration-with-defaults#5f13d9bf", lesson: "advanced.configuration-with-defaults",
            kind: .predict,
            question: """
                ServerConfiguration's init validates `(1...65_535).contains(port)` and throws; \
                GoStyleServer.withPort only assigns when the port is in range. What do these give?
                try ServerConfiguration(port: 70_000)
                GoStyleServer(GoStyleServer.withPort(70_000)).port
                """,
            answer: """
                The first throws ConfigurationError.invalidPort(70_000); the second is 8080. A literal \
                func(*Server) option has nowhere to report an error, so the bad value is silently dropped \
                and the default stays; a throwing initializer surfaces the mistake at construction.
                """,
            test: "HandbookAdvancedTests.ConfigurationWithDefaultsTests/invalidPortThrows()"),
        ReviewCard(
            id: "advanced.configuration-with-defaults#20b7d6b3", lesson: "advanced.configuration-with-defaults",
            kind: .recall,
            question: """
                The configuration's init validates its settings. Why must `with { }` validate too?
                """,
            answer: """
                The properties are var, so a valid value can be modified into an invalid one after init. \
                with { } copies self, applies the modifications, then calls validate() before returning, so \
                `Config.production.with { $0.port = 70_000 }` throws invalidPort(70_000) instead of handing \
                back a broken configuration. Every path that builds a value must validate it.
                """,
            test: "HandbookAdvancedTests.ConfigurationWithDefaultsTests/withValidatesTheCopy()"),
        ReviewCard(
            id: "advanced.configuration-with-defaults#2b352e5a", lesson: "advanced.configuration-with-defaults",
            kind: .recall,
            question: """
                Why is a preset declared `public static let production` rather than `static var`?
                """,
            answer: """
                A static var is shared mutable global state that any caller could change for everyone; \
                Swift 6 rejects it ("static property 'production' is not concurrency-safe"). With static \
                let plus value semantics, callers copy the preset and modify their copy, and the preset \
                itself never changes. Go's package-level var DefaultConfig has no such protection.
                """,
            test: "HandbookAdvancedTests.ConfigurationWithDefaultsTests/mutablePresetsAreRejected()"),
        ReviewCard(
            id: "advanced.choosing-a-clock#e49a74cb", lesson: "advanced.choosing-a-clock", kind: .recall,
            question: """
                Why shouldn't you implement a 30-second timeout by comparing Date() values, and which clock \
                do you use?
                """,
            answer: """
                Date is the wall clock, which NTP or an operator can step at any time: stepped back an \
                hour, elapsed goes negative and the timeout waits an extra hour; stepped forward, it fires \
                at once. Put timeouts and deadlines on a monotonic clock, ContinuousClock, injected as some \
                Clock<Duration> so tests can drive a manual clock; keep Date for timestamps people or other \
                systems read.
                """,
            test: "HandbookAdvancedTests.ChoosingAClockTests/wallClockStepsFoolADateTimer()"),
        ReviewCard(
            id: "advanced.choosing-a-clock#7ac1661e", lesson: "advanced.choosing-a-clock", kind: .predict,
            question: """
                Each round does 30 ms of work. One loop calls `try await clock.sleep(for: \
                .milliseconds(100))` before each round; the other sleeps until start + n × 100 ms. At what \
                times do the first three rounds run in each?
                """,
            answer: """
                Sleep-for: 100, 230, 360 ms, because each interval adds the work's 30 ms and the schedule \
                drifts. Sleep-until: 100, 200, 300 ms, because the deadline is computed from the previous \
                deadline, not from when the work finished.
                """,
            test: "HandbookAdvancedTests.ChoosingAClockTests/tickerDoesNotDrift()"),
        ReviewCard(
            id: "advanced.choosing-a-clock#c1cbe6b4", lesson: "advanced.choosing-a-clock", kind: .predict,
            question: """
                A non-drifting Ticker with a 100 ms period skips missed ticks rather than bursting. Each \
                round of work takes 250 ms. When do the first three rounds run, and how many ticks are \
                reported missed each time?
                """,
            answer: """
                At 100, 400 and 700 ms, with missedTicks 0, 2, 2. After an overrun the next deadline is the \
                first slot start + k × period that is not already in the past, so the 200/300 and 500/600 \
                ms ticks are skipped and counted instead of firing back to back.
                """,
            test: "HandbookAdvancedTests.ChoosingAClockTests/tickerSkipsMissedTicks()"),
        ReviewCard(
            id: "advanced.choosing-a-clock#a8151a8a", lesson: "advanced.choosing-a-clock", kind: .recall,
            question: """
                A request's deadline must be honoured by a downstream service in another process. Can you \
                send the ContinuousClock.Instant? What do you send instead?
                """,
            answer: """
                No: a monotonic instant means time since this machine booted, which is meaningless on \
                another host or after a restart. Send the remaining budget as a duration (like gRPC's \
                grpc-timeout) and have the receiver rebuild a deadline on its own clock as now + budget, \
                minus an allowance for transit; an expired budget is zero.
                """,
            test: "HandbookAdvancedTests.ChoosingAClockTests/budgetTravelsAsADuration()"),
        ReviewCard(
            id: "advanced.generics-and-constraints#8c6f49c1", lesson: "advanced.generics-and-constraints",
            kind: .recall,
            question: """
                Why does `func minimum<T: Equatable>(_ a: T, _ b: T) -> T { a < b ? a : b }` not compile, \
                and what constraint do you use?
                """,
            answer: """
                A constraint limits the body to what the protocol declares, and Equatable only has ==, so \
                `<` is rejected ("requires that 'T' conform to 'Comparable'"). Constrain to Comparable, the \
                weakest protocol with ordering; then one function serves Int, Double, String and your own \
                Comparable types. Go's comparable constraint likewise has no <.
                """,
            test: "HandbookAdvancedTests.GenericsAndConstraintsTests/equatableOnlyCannotOrder()"),
        ReviewCard(
            id: "advanced.generics-and-constraints#dbdb2aa3", lesson: "advanced.generics-and-constraints",
            kind: .predict,
            question: """
                average has two overloads, one for T: BinaryInteger and one for T: FloatingPoint, each \
                returning sum / T(count) (and 0 for an empty array). What do average([1, 2]) and \
                average([1.0, 2.0]) return?
                """,
            answer: """
                1 and 1.5. The integer overload truncates the division, the floating-point one does not, \
                which is why one generic average over all numbers is wrong. The empty guard matters for \
                both: integer division by zero traps, while 0.0 / 0 would quietly give NaN. Swift's numeric \
                protocols replace Go's ~int | ~float64 type sets.
                """,
            test: "HandbookAdvancedTests.GenericsAndConstraintsTests/numericProtocolsReplaceUnions()"),
        ReviewCard(
            id: "advanced.generics-and-constraints#c527f62d", lesson: "advanced.generics-and-constraints",
            kind: .recall,
            question: """
                Go's generic Stack[T].Pop returns (T, bool) with a zero value when empty. What does the \
                Swift version return, and why does Element need no default?
                """,
            answer: """
                pop() -> Element? returns nil when the stack is empty (popLast() already does), so no zero \
                value of Element is ever needed and Element can be any type. It even stays unambiguous for \
                Stack<Int?>: popping a stored nil gives .some(nil), distinct from nil for empty.
                """,
            test: "HandbookAdvancedTests.GenericsAndConstraintsTests/stackPopsInReverseAndEndsInNil()"),
        ReviewCard(
            id: "advanced.generics-and-constraints#b0c25218", lesson: "advanced.generics-and-constraints",
            kind: .recall,
            question: """
                How do you make a generic Pair<First, Second> Equatable without requiring every Pair to \
                hold Equatable types?
                """,
            answer: """
                Use conditional conformance: `extension Pair: Equatable where First: Equatable, Second: \
                Equatable {}` and let == be synthesized. Pair(1, "a") is then Equatable (and can be \
                Hashable the same way), while a Pair holding a type without == simply isn't, even at run \
                time (`is any Equatable` is false). An unconditional `extension Pair: Equatable {}` could \
                not synthesize ==, because First and Second might have none.
                """,
            test: "HandbookAdvancedTests.GenericsAndConstraintsTests/conditionalConformance()"),
        ReviewCard(
            id: "advanced.opaque-and-existential-types#d1562074", lesson: "advanced.opaque-and-existential-types",
            kind: .recall,
            question: """
                What is the difference between returning `some Shape` and returning `any Shape`?
                """,
            answer: """
                some Shape is one concrete type (here Circle) that the compiler knows and hides from the \
                caller: the value is stored unboxed at Circle's 8 bytes and calls can be statically \
                dispatched, and two results of the same function share one type, so with `some Shape & \
                Equatable` == between them compiles. any Shape is a run-time box (40-byte existential \
                container) that may hold any conforming type, with calls going through the witness table.
                """,
            test: "HandbookAdvancedTests.OpaqueAndExistentialTypesTests/opaqueKeepsTheConcreteType()"),
        ReviewCard(
            id: "advanced.opaque-and-existential-types#d08416af", lesson: "advanced.opaque-and-existential-types",
            kind: .recall,
            question: """
                A function declared `-> some Shape` returns Circle in one branch and Square in the other. \
                What happens, and what are the fixes?
                """,
            answer: """
                It does not compile: an opaque result type is a single underlying type per function, and \
                the branches "do not have matching underlying types". When the concrete type depends on a \
                run-time value, return any Shape (or an enum wrapping the cases).
                """,
            test: "HandbookAdvancedTests.OpaqueAndExistentialTypesTests/opaqueResultIsOneType()"),
        ReviewCard(
            id: "advanced.opaque-and-existential-types#96bf7760", lesson: "advanced.opaque-and-existential-types",
            kind: .predict,
            question: """
                On 64-bit, Circle is 8 bytes and Rectangle (four Doubles) is 32. What is \
                MemoryLayout.size(ofValue:) for each when stored as `any Shape`?
                let small: any Shape = Circle(radius: 1)
                let large: any Shape = Rectangle(x: 0, y: 0, width: 1, height: 1)
                """,
            answer: """
                40 and 40. The existential container has a fixed size: a three-word (24-byte) inline \
                buffer, the type metadata and one witness table. Circle fits in the buffer; Rectangle does \
                not, so the buffer holds a pointer to a heap box instead.
                """,
            test: "HandbookAdvancedTests.OpaqueAndExistentialTypesTests/containerSizeIsFixed()"),
        ReviewCard(
            id: "advanced.opaque-and-existential-types#65b8f59e", lesson: "advanced.opaque-and-existential-types",
            kind: .recall,
            question: """
                Why can't you write `lhs == rhs` for two `any Equatable` values, and how do you compare \
                them?
                """,
            answer: """
                == needs both operands to be the same type, and the two boxes may hold different dynamic \
                types, so the compiler rejects it. Open one side with a generic helper (func equals<T: \
                Equatable>(_ lhs: T) -> Bool) and inside it cast the other with `rhs as? T`; if the cast \
                fails the values are of different types and are never equal.
                """,
            test: "HandbookAdvancedTests.OpaqueAndExistentialTypesTests/comparingExistentialsNeedsOpening()"),
        ReviewCard(
            id: "advanced.opaque-and-existential-types#f77069ba", lesson: "advanced.opaque-and-existential-types",
            kind: .predict,
            question: """
                func genericTypeName(_ shape: some Shape) -> String returns String(describing: T.self) for \
                its generic T. What does this return?
                let boxed: any Shape = Circle(radius: 1)
                genericTypeName(boxed)
                """,
            answer: """
                "Circle". Since SE-0352 (Swift 5.7), passing an any Shape to a some Shape (generic) \
                parameter implicitly opens the existential, binding T to the dynamic type inside the box \
                rather than to any Shape.
                """,
            test: "HandbookAdvancedTests.OpaqueAndExistentialTypesTests/existentialIsImplicitlyOpened()"),
        ReviewCard(
            id: "advanced.mirror-reflection#1a46237e", lesson: "advanced.mirror-reflection", kind: .recall,
            question: """
                Go code sets config fields by name with reflect.Value.FieldByName(...).SetString. Can \
                Swift's Mirror do that? What do you use instead?
                """,
            answer: """
                No: Mirror is read-only; its children are copies and its subscript is get-only, so an \
                assignment does not compile. Map each field name to a WritableKeyPath ("host": \\.host, \
                "port": \\.port) and write with value[keyPath:], so every write is type-checked, and throw \
                for an unknown name or an unparsable value. Decoding a whole configuration is Codable's job.
                """,
            test: "HandbookAdvancedTests.MirrorReflectionTests/mirrorIsReadOnlyKeyPathsWrite()"),
        ReviewCard(
            id: "advanced.mirror-reflection#04e9eb1e", lesson: "advanced.mirror-reflection", kind: .predict,
            question: """
                struct ValidatedConfig { @Required var host: String; @InRange(1...65_535) var port: Int = \
                8080; @Required var tags: [String]; var mode: String? }
                What does Mirror(reflecting: config).children.map(\\.label) give?
                """,
            answer: """
                ["_host", "_port", "_tags", "mode"] (as Optionals). A Mirror shows how the value is stored, \
                and a wrapped property is stored as the wrapper in an underscore-prefixed field; only the \
                plain property keeps its name. Strip the underscore when reporting field names.
                """,
            test: "HandbookAdvancedTests.MirrorReflectionTests/wrappedPropertiesAppearWithUnderscore()"),
        ReviewCard(
            id: "advanced.mirror-reflection#cc6a41df", lesson: "advanced.mirror-reflection", kind: .predict,
            question: """
                class Animal { let name: String; init(name: String) { self.name = name } }
                final class Dog: Animal {
                  let breed: String
                  init(name: String, breed: String) { self.breed = breed; super.init(name: name) }
                }
                What labels does Mirror(reflecting: Dog(name: "Rex", breed: "Collie")).children list?
                """,
            answer: """
                Only ["breed"]. A class Mirror's children are the subclass's own stored properties; \
                inherited ones such as name are on mirror.superclassMirror, one level per superclass, so a \
                full walk must follow that chain.
                """,
            test: "HandbookAdvancedTests.MirrorReflectionTests/superclassFieldsNeedSuperclassMirror()"),
        ReviewCard(
            id: "advanced.mirror-reflection#d604b9b4", lesson: "advanced.mirror-reflection", kind: .recall,
            question: """
                How do you replace Go's `required:"true"` struct-tag validation in Swift?
                """,
            answer: """
                Put the rule in a type instead of a string: a property wrapper such as @Required (or \
                @InRange) that conforms to a FieldRule protocol able to report its own violation. A \
                validator walks Mirror(reflecting:).children, asks each child `as? any FieldRule`, recurses \
                into nested structs, and reports messages like "field 'host' is required"; the compiler \
                checks the rule, unlike a misspelt tag.
                """,
            test: "HandbookAdvancedTests.MirrorReflectionTests/requiredWrapperValidates()"),
        ReviewCard(
            id: "advanced.unsafe-pointers#886df596", lesson: "advanced.unsafe-pointers", kind: .recall,
            question: """
                What is wrong with returning buffer.baseAddress out of `numbers.withUnsafeBufferPointer { \
                buffer in ... }`?
                """,
            answer: """
                It compiles, but the pointer is only valid inside the closure. Afterwards the array can be \
                mutated (copy-on-write moves its elements to a new buffer, so the pointer refers to the old \
                one) or freed, leaving it dangling. Do the work inside the closure and return a value, \
                never the pointer.
                """,
            test: "HandbookAdvancedTests.UnsafePointersTests/escapedPointerGoesStale()"),
        ReviewCard(
            id: "advanced.unsafe-pointers#8d11a4c7", lesson: "advanced.unsafe-pointers", kind: .recall,
            question: """
                You allocate an UnsafeMutablePointer<Tracked> for 3 objects, initialize each slot, then \
                call only deallocate(). What happens to the objects?
                """,
            answer: """
                They leak: deallocate frees the memory but does not release what was stored in it, so the \
                +1 retain from initialize(to:) is never balanced and no deinit ever runs (the counter stays \
                0). Pair every allocate with deallocate and every initialize with deinitialize(count:). \
                Unlike Go's new, allocate returns uninitialised, uncollected memory.
                """,
            test: "HandbookAdvancedTests.UnsafePointersTests/deallocateWithoutDeinitializeLeaks()"),
        ReviewCard(
            id: "advanced.unsafe-pointers#38e3d297", lesson: "advanced.unsafe-pointers", kind: .predict,
            question: """
                On x86_64/arm64, what does this return, and why not use load(fromByteOffset:as:)?
                let bytes: [UInt8] = [0xFF, 0x01, 0x02, 0x03, 0x04, 0xEE]
                bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: 1, as: UInt32.self) }
                """,
            answer: """
                0x04030201: memory is little-endian, so the byte at the lowest address is the least \
                significant. load(fromByteOffset:as:) requires an address aligned for UInt32 (a multiple of \
                4); at offset 1 it traps in a debug build ("load from misaligned raw pointer") and is \
                undefined behaviour in release. Byte streams need loadUnaligned.
                """,
            test: "HandbookAdvancedTests.UnsafePointersTests/loadUnalignedReadsLittleEndian()"),
        ReviewCard(
            id: "advanced.unsafe-pointers#c9e47235", lesson: "advanced.unsafe-pointers", kind: .predict,
            question: """
                A buffer holds the bytes of "hello". What does text contain after the write?
                let text = String(decoding: UnsafeBufferPointer(buffer), as: UTF8.self)
                buffer[0] = UInt8(ascii: "j")
                """,
            answer: """
                "hello". String(decoding:as:) copies the bytes (repairing invalid UTF-8 with U+FFFD), so \
                later writes to the buffer cannot change the string; decoding the buffer again would give \
                "jello". Go's unsafe.String aliases the bytes, so there the "immutable" string would change.
                """,
            test: "HandbookAdvancedTests.UnsafePointersTests/decodedStringDoesNotAliasTheBytes()"),
        ReviewCard(
            id: "advanced.memory-layout-and-alignment#6345ff7e", lesson: "advanced.memory-layout-and-alignment",
            kind: .predict,
            question: """
                On a 64-bit platform, what are MemoryLayout's size, stride and alignment for this struct?
                struct Bad { var isActive: Bool; var id: Int64; var isAdmin: Bool }
                """,
            answer: """
                17 / 24 / 8. The Int64 must sit at an 8-byte boundary, so 7 bytes of padding follow the \
                first Bool (offsets 0, 8, 16); size stops after the last Bool, and stride rounds it up to \
                the 8-byte alignment, adding 7 bytes of tail padding.
                """,
            test: "HandbookAdvancedTests.MemoryLayoutAndAlignmentTests/badOrderPadsEveryField()"),
        ReviewCard(
            id: "advanced.memory-layout-and-alignment#471f1ca0", lesson: "advanced.memory-layout-and-alignment",
            kind: .recall,
            question: """
                Reordering Bad {Bool, Int64, Bool} as Good {Int64, Bool, Bool}: how much memory do 1,000 \
                elements in an array take, and why do you size buffers with stride rather than size?
                """,
            answer: """
                Bad has stride 24, so 24,000 bytes; Good has size 10 but stride 16, so 16,000 bytes: \
                putting the largest alignment first lets the two Bools share one padded word. An array \
                places elements stride bytes apart (size rounded up to alignment), so a buffer for n values \
                needs n * stride; size excludes the tail padding.
                """,
            test: "HandbookAdvancedTests.MemoryLayoutAndAlignmentTests/strideDecidesArrayFootprint()"),
        ReviewCard(
            id: "advanced.memory-layout-and-alignment#3bd0604b", lesson: "advanced.memory-layout-and-alignment",
            kind: .predict,
            question: """
                Good {Int64, Bool, Bool} has size 10, stride 16. What are the offset of extra, and the size \
                and stride of this struct in Swift?
                struct Nested { var good: Good; var extra: Bool }
                """,
            answer: """
                extra is at offset 10, size 11, stride 16. Swift reuses the nested struct's tail padding \
                for the next field; C and Go would put extra at offset 16 and round the struct to 24 bytes. \
                So Swift's layout is not C's.
                """,
            test: "HandbookAdvancedTests.MemoryLayoutAndAlignmentTests/nestedStructReusesTailPadding()"),
        ReviewCard(
            id: "advanced.memory-layout-and-alignment#6cf03931", lesson: "advanced.memory-layout-and-alignment",
            kind: .predict,
            question: """
                On 64-bit, what are the size and stride of Int?, Bool? and AnyObject?
                """,
            answer: """
                Int?: size 9, stride 16. Bool?: size 1, stride 1. AnyObject?: size 8, stride 8. Every Int \
                bit pattern is a valid value, so Int? needs an extra tag byte; Bool and references have \
                spare bit patterns that encode nil for free.
                """,
            test: "HandbookAdvancedTests.MemoryLayoutAndAlignmentTests/optionalLayouts(measured:expected:)"),
        ReviewCard(
            id: "advanced.noncopyable-ownership#29446e18", lesson: "advanced.noncopyable-ownership", kind: .recall,
            question: """
                Why model a file descriptor as a `~Copyable` struct with a `consuming func close()` rather \
                than as a class?
                """,
            answer: """
                With a class every copy of the reference can call close(), so a double close compiles (and \
                with real descriptors may close a number the kernel already reused). A noncopyable value \
                has exactly one owner and a consuming close() ends it, so calling close() twice is a \
                compile error: "'handle' consumed more than once". Go's *os.File has no such check; a \
                second Close just returns an error.
                """,
            test: "HandbookAdvancedTests.NoncopyableOwnershipTests/doubleCloseDoesNotCompile()"),
        ReviewCard(
            id: "advanced.noncopyable-ownership#e994f630", lesson: "advanced.noncopyable-ownership", kind: .recall,
            question: """
                A ~Copyable handle has a deinit that closes its descriptor and a `consuming func close()`. \
                Why must close() end with `discard self`?
                """,
            answer: """
                A consuming method destroys self when it returns, which would run deinit and close the \
                descriptor a second time. discard self ends the value without running deinit, so the \
                explicit close happens exactly once. (It currently requires the type's stored properties to \
                be trivially destroyed, which is why the handle stores only an Int32.)
                """,
            test: "HandbookAdvancedTests.NoncopyableOwnershipTests/closeSuppressesDeinit()"),
        ReviewCard(
            id: "advanced.noncopyable-ownership#34400f41", lesson: "advanced.noncopyable-ownership", kind: .predict,
            question: """
                inspect takes `borrowing FileHandleLike`, adopt takes `consuming FileHandleLike` and just \
                returns the descriptor. How many closes has the descriptor seen after each step?
                let handle = FileHandleLike()
                _ = inspect(handle); _ = inspect(handle)
                _ = adopt(handle)
                """,
            answer: """
                0 after both inspects, then 1 (by deinit) after adopt. borrowing lends the value and the \
                caller keeps ownership, so it can be borrowed repeatedly; consuming transfers ownership to \
                the callee, which drops the handle, so deinit runs before adopt returns and the caller can \
                no longer use it.
                """,
            test: "HandbookAdvancedTests.NoncopyableOwnershipTests/borrowingVersusConsuming()"),
        ReviewCard(
            id: "advanced.noncopyable-ownership#e7b8d49d", lesson: "advanced.noncopyable-ownership", kind: .recall,
            question: """
                How can `consume` save a copy-on-write copy when passing an ordinary [Int] to a function \
                that appends to it?
                """,
            answer: """
                If the caller still holds the array, the callee's append finds the buffer shared and must \
                copy it. Passing `consume numbers` ends the caller's binding at the call, so the callee's \
                parameter is the only reference and the append happens in place (given spare capacity). \
                consume is checked at compile time: using the variable afterwards is an error.
                """,
            test: "HandbookAdvancedTests.NoncopyableOwnershipTests/consumeAvoidsACopyOnWrite()"),
    ]
}
