/// Optimistic concurrency: every row carries a version, and a write names the
/// version it was computed from. The write lands only if the row is still at
/// that version, so a concurrent change becomes a conflict the writer sees
/// instead of an update that silently disappears.
///
/// ```swift
/// let stock = OptimisticConcurrency.InMemoryTable<Int>()
/// try await stock.insert("widget", value: 10)
/// // A read-modify-write that re-reads and retries on conflict (at most 5 reads):
/// let row = try await OptimisticConcurrency.update("widget", in: stock, maxAttempts: 5) { $0 - 1 }
/// // HTTP: GET answers ETag: "v2"; a PUT must send it back in If-Match.
/// let endpoint = OptimisticConcurrency.ConditionalEndpoint(repository: stock)
/// let response = try await endpoint.put("widget", ifMatch: #""v2""#, value: 7)  // 200, or 412 if it moved on
/// ```
///
/// ## Why interviewers ask this
/// "Two admins edit the same product" and "two requests decrement the same
/// balance" are the lost-update problem: each client reads, computes and
/// writes back, and the second write erases the first without an error. The
/// interviewer wants the version column and the exact statement
/// (`UPDATE items SET stock = $3, version = version + 1 WHERE id = $1 AND version = $2`,
/// zero rows updated means conflict), the same idea over HTTP (`ETag` out,
/// `If-Match` back, 412 Precondition Failed), and a judgement: retry the
/// conflict on the server, or return it to the client?
///
/// ## What the in-memory model stands for
/// ``InMemoryTable`` is one table with a `version` column. Each of its
/// methods is one SQL statement: an actor method with no suspension inside
/// runs alone, as a single-row `UPDATE` does while it holds the row lock.
/// A client's read and its write are two calls, as a `GET` and the `PUT`
/// after it are two requests: nothing holds a lock between them, which is
/// why the version is needed at all.
///
/// ## Common pitfalls
/// - Read, compute, write back unconditionally (``updateLastWriterWins(_:in:_:)``):
///   two clients read stock 10 and both write 9, so one decrement is lost
///   and nobody is told. Wrapping each client in a transaction does not help
///   by default: under PostgreSQL's READ COMMITTED, two concurrent
///   transactions that each `SELECT stock` (10) and then
///   `UPDATE … SET stock = 9` end at 9, not 8 (probed on PostgreSQL 15).
///   REPEATABLE READ makes the second one fail with "could not serialize
///   access due to concurrent update": the same conflict, reported by the
///   database.
/// - Checking the version in application code, then writing without it
///   (time of check to time of use): another write fits between the two. The
///   check belongs in the `WHERE` of the statement that writes. At READ
///   COMMITTED, PostgreSQL makes the second of two concurrent versioned
///   `UPDATE`s wait for the first to commit, re-check the `WHERE` against the
///   new row and match zero rows (probed on PostgreSQL 15).
/// - Treating "0 rows updated" as success. An `UPDATE` that matches nothing
///   is not an error to the driver; the row count is the conflict signal
///   (``InMemoryTable/update(_:to:expecting:)`` throws instead).
/// - Retrying a conflict by sending the same new value again. A retry must
///   re-read and recompute from the fresh row; re-sending a value computed
///   from the stale one *is* the lost update.
/// - Retrying on the server what a person decided. Retry only updates that
///   are a function of the current value (increment, append, "set if still
///   valid"). An edit made by looking at the old data goes back as 412 with
///   the current `ETag`, so the client re-reads and decides again.
/// - Retrying without a bound, or with too small a bound. Every conflict means
///   another writer succeeded, so when N clients each make one update to a row,
///   N attempts are always enough (``update(_:in:maxAttempts:_:)``); a lower
///   bound can run out under contention, and that error must reach the caller
///   (409 or 503 with `Retry-After`), never be swallowed.
/// - Splitting `If-Match` on commas: an entity tag may contain one (`"a,b"`
///   is a single valid tag). ``IfMatch/init(parsing:)`` scans quoted strings.
/// - Comparing tags with Swift's `==` on `String`: it uses Unicode canonical
///   equivalence, while RFC 9110 compares tags octet by octet. ``EntityTag``
///   compares UTF-8 bytes.
/// - Accepting weak tags in `If-Match`. RFC 9110 (section 13.1.1) requires
///   the strong comparison there, so `W/"v7"` never matches. A weak tag
///   promises only an equivalent representation, a strong one the same bytes;
///   a version number is a fair strong tag only when every response for one
///   version carries the same bytes.
/// - Making `If-Match` optional: a client that forgets it falls back to last
///   writer wins. ``ConditionalEndpoint`` answers 428 Precondition Required
///   (RFC 6585) when a write has no `If-Match`, before touching the store.
/// - Timestamps as versions (`Last-Modified` has one-second resolution, and
///   wall clocks step back): two writes in one second get the same "version".
///
/// ## Key takeaway
/// Keep a version in the row, hand it out as a strong `ETag`, and make every
/// write conditional on it *in the same statement*:
/// `WHERE id = $1 AND version = $2`, zero rows is a conflict. Retry on the
/// server only when the update is a function of the current value, with a
/// bound (N single-update contenders need at most N attempts); otherwise
/// answer 412 and let the client re-read. The capstone's
/// `PUT /inventory/{item}` does the same with one tag: `ETag: "v<version>"`,
/// 412 for a stale one, 428 when an existing item is written without
/// `If-Match` (it creates a missing item, so only there is 428 conditional on
/// existence; this lesson's endpoint never creates and answers 428 first).
public enum OptimisticConcurrency {
    /// A value and the version it was read (or written) at.
    public struct Versioned<Value: Sendable>: Sendable {
        public var value: Value
        /// 1 after the insert, one more after every write.
        public var version: Int

        public init(value: Value, version: Int) {
            self.value = value
            self.version = version
        }

        /// The strong `ETag` of this version: `"v<version>"`.
        public var entityTag: EntityTag { .version(version) }
    }

    /// What a conditional write requires of the row, the `WHERE` clause
    /// after `id = $1`.
    public enum Expectation: Hashable, Sendable {
        /// `AND version = $2`: the row is still at the version that was read.
        case version(Int)
        /// `AND version = ANY($2)`: an `If-Match` listing several tags.
        case anyOf(Set<Int>)
        /// No version condition (`If-Match: *`): only that the row exists.
        /// As the whole condition of a read-modify-write, this is last
        /// writer wins.
        case exists

        /// Whether a row at `version` satisfies the expectation.
        public func admits(_ version: Int) -> Bool {
            switch self {
            case .version(let expected): expected == version
            case .anyOf(let expected): expected.contains(version)
            case .exists: true
            }
        }
    }

    /// Why a write changed nothing: the zero-rows outcome, told apart.
    public enum WriteConflict: Error, Hashable, Sendable, CustomStringConvertible {
        /// The row moved on; `current` is its version now (HTTP 412 / 409).
        case versionMismatch(current: Int)
        /// No row with this id (HTTP 404).
        case notFound(id: String)
        /// An insert found the id taken (a unique-key violation).
        case alreadyExists(id: String)

        public var description: String {
            switch self {
            case .versionMismatch(let current): "the row changed meanwhile (it is at version \(current) now)"
            case .notFound(let id): "no row with id \(id)"
            case .alreadyExists(let id): "a row with id \(id) already exists"
            }
        }
    }

    /// Thrown by ``update(_:in:maxAttempts:_:)`` when every attempt lost a race.
    public struct RetriesExhausted: Error, Hashable, Sendable, CustomStringConvertible {
        public var attempts: Int
        /// The row's version at the last conflict.
        public var currentVersion: Int

        public init(attempts: Int, currentVersion: Int) {
            self.attempts = attempts
            self.currentVersion = currentVersion
        }

        public var description: String {
            "\(attempts) attempts all conflicted (the row is at version \(currentVersion)): too much contention"
        }
    }

    /// A table with a version column: what a SQL repository implements with
    /// two statements, and ``InMemoryTable`` with two actor methods.
    public protocol VersionedRepository<Value>: Sendable {
        associatedtype Value: Sendable

        /// `SELECT value, version FROM t WHERE id = $1`.
        func read(_ id: String) async throws -> Versioned<Value>?

        /// `UPDATE t SET value = $2, version = version + 1 WHERE id = $1 AND <expectation> RETURNING version`,
        /// as ONE statement.
        /// - Throws: ``WriteConflict`` when no row was updated.
        func update(_ id: String, to value: Value, expecting expectation: Expectation) async throws
            -> Versioned<Value>
    }

    /// An in-memory table with a version column. Each method is one statement,
    /// atomic because an actor runs one call at a time and none of these
    /// suspends.
    public actor InMemoryTable<Value: Sendable>: VersionedRepository {
        private var rows: [String: Versioned<Value>] = [:]

        public init() {}

        /// `INSERT INTO t (id, value, version) VALUES ($1, $2, 1)`.
        /// - Throws: ``WriteConflict/alreadyExists(id:)``.
        @discardableResult
        public func insert(_ id: String, value: Value) throws(WriteConflict) -> Versioned<Value> {
            guard rows[id] == nil else { throw .alreadyExists(id: id) }
            let row = Versioned(value: value, version: 1)
            rows[id] = row
            return row
        }

        /// - Complexity: O(1) on average.
        public func read(_ id: String) -> Versioned<Value>? {
            rows[id]
        }

        /// Writes `value` only if the row satisfies `expectation`, and bumps
        /// the version: the check and the write are one step.
        ///
        /// SQL reports both failures as "0 rows"; a repository that must tell
        /// 404 from 412 reads the row afterwards (that read is only a report,
        /// the decision was the `UPDATE`'s).
        /// - Throws: ``WriteConflict/notFound(id:)`` or
        ///   ``WriteConflict/versionMismatch(current:)``.
        /// - Complexity: O(1) on average (O(k) for an `anyOf` of k versions).
        public func update(_ id: String, to value: Value, expecting expectation: Expectation) throws(WriteConflict)
            -> Versioned<Value>
        {
            guard let row = rows[id] else { throw .notFound(id: id) }
            guard expectation.admits(row.version) else { throw .versionMismatch(current: row.version) }
            let next = Versioned(value: value, version: row.version + 1)
            rows[id] = next
            return next
        }
    }

    /// Read, transform, write back conditionally; on a conflict, read again
    /// and recompute, at most `maxAttempts` times.
    ///
    /// Bounded on purpose. Each conflict means some other write succeeded
    /// between this attempt's read and its write, and those windows do not
    /// overlap, so when N clients each make one update to the row, no client
    /// conflicts more than N − 1 times: `maxAttempts: N` always converges
    /// (the property test checks every client under random interleavings).
    /// - Parameter transform: A pure function of the current value, called
    ///   once per attempt; it may throw to abandon the update (a business rule).
    /// - Precondition: `maxAttempts >= 1`.
    /// - Throws: ``WriteConflict/notFound(id:)``, ``RetriesExhausted``, or
    ///   what `transform` or the repository throws.
    public static func update<Repository: VersionedRepository>(
        _ id: String,
        in repository: Repository,
        maxAttempts: Int,
        _ transform: (Repository.Value) throws -> Repository.Value
    ) async throws -> Versioned<Repository.Value> {
        precondition(maxAttempts >= 1, "maxAttempts must be at least 1 (got \(maxAttempts))")
        var lastSeenVersion = 0
        for _ in 0..<maxAttempts {
            guard let current = try await repository.read(id) else { throw WriteConflict.notFound(id: id) }
            let next = try transform(current.value)
            do {
                return try await repository.update(id, to: next, expecting: .version(current.version))
            } catch WriteConflict.versionMismatch(let now) {
                lastSeenVersion = now
            }
        }
        throw RetriesExhausted(attempts: maxAttempts, currentVersion: lastSeenVersion)
    }

    /// The pitfall, kept for contrast: read, transform, write back without
    /// naming the version read. A write that lands in between is erased.
    public static func updateLastWriterWins<Repository: VersionedRepository>(
        _ id: String,
        in repository: Repository,
        _ transform: (Repository.Value) throws -> Repository.Value
    ) async throws -> Versioned<Repository.Value> {
        guard let current = try await repository.read(id) else { throw WriteConflict.notFound(id: id) }
        return try await repository.update(id, to: try transform(current.value), expecting: .exists)
    }
}

extension OptimisticConcurrency.Versioned: Equatable where Value: Equatable {}
extension OptimisticConcurrency.Versioned: Hashable where Value: Hashable {}

// MARK: - HTTP: ETag and If-Match (RFC 9110 sections 8.8.3 and 13.1.1)

extension OptimisticConcurrency {
    /// A malformed `ETag` or `If-Match` value (HTTP 400 here).
    public enum HeaderError: Error, Hashable, Sendable, CustomStringConvertible {
        case malformedEntityTag(String)
        case malformedIfMatch(String)

        public var description: String {
            switch self {
            case .malformedEntityTag(let value): "not an entity tag (expected \"…\" or W/\"…\"): \(value)"
            case .malformedIfMatch(let value): "If-Match must be * or a comma-separated list of entity tags: \(value)"
            }
        }
    }

    /// An entity tag: `"opaque"` (strong) or `W/"opaque"` (weak).
    ///
    /// Grammar (RFC 9110 section 8.8.3): `entity-tag = [ weak ] opaque-tag`,
    /// `weak = %s"W/"` (case-sensitive), `opaque-tag = DQUOTE *etagc DQUOTE`,
    /// `etagc = %x21 / %x23-7E / obs-text`: any visible ASCII but `"`, no
    /// spaces, plus bytes 0x80–0xFF. Equality and hashing are by the bytes
    /// of the opaque tag, as the RFC's comparisons are.
    public struct EntityTag: Hashable, Sendable, CustomStringConvertible {
        /// What is between the quotes.
        public let opaqueTag: String
        public let isWeak: Bool

        /// - Throws: ``HeaderError/malformedEntityTag(_:)`` if `opaqueTag`
        ///   holds a byte that `etagc` excludes (a quote, a space, a control).
        public init(_ opaqueTag: String, isWeak: Bool = false) throws(HeaderError) {
            guard opaqueTag.utf8.allSatisfy(Self.isEtagc) else { throw .malformedEntityTag(opaqueTag) }
            self.opaqueTag = opaqueTag
            self.isWeak = isWeak
        }

        private init(validated opaqueTag: String, isWeak: Bool) {
            self.opaqueTag = opaqueTag
            self.isWeak = isWeak
        }

        /// Parses one field value such as `"v7"` or `W/"v7"`; surrounding
        /// spaces and tabs are ignored, anything else is an error.
        public init(parsing fieldValue: String) throws(HeaderError) {
            var scanner = HeaderScanner(fieldValue)
            scanner.skipWhitespace()
            guard let tag = scanner.entityTag() else { throw .malformedEntityTag(fieldValue) }
            scanner.skipWhitespace()
            guard scanner.isAtEnd else { throw .malformedEntityTag(fieldValue) }
            self = tag
        }

        /// The strong tag this module gives version `version`: `"v7"`.
        public static func version(_ version: Int) -> EntityTag {
            EntityTag(validated: "v\(version)", isWeak: false)
        }

        /// The version named by a tag of the form `"v<digits>"`, in the exact
        /// form ``version(_:)`` writes it (so `"v07"` names none: strongly,
        /// it is not the tag `"v7"`); `nil` for any other tag.
        public var version: Int? {
            guard opaqueTag.utf8.first == UInt8(ascii: "v"), let number = Int(opaqueTag.dropFirst()),
                number >= 0, "v\(number)" == opaqueTag
            else { return nil }
            return number
        }

        /// Strong comparison: both strong, same bytes. The only one
        /// `If-Match` may use.
        public func strongMatch(_ other: EntityTag) -> Bool {
            !isWeak && !other.isWeak && opaqueTag.utf8.elementsEqual(other.opaqueTag.utf8)
        }

        /// Weak comparison: same bytes, weakness ignored (`If-None-Match` on
        /// `GET`).
        public func weakMatch(_ other: EntityTag) -> Bool {
            opaqueTag.utf8.elementsEqual(other.opaqueTag.utf8)
        }

        public static func == (lhs: EntityTag, rhs: EntityTag) -> Bool {
            lhs.isWeak == rhs.isWeak && lhs.opaqueTag.utf8.elementsEqual(rhs.opaqueTag.utf8)
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(isWeak)
            for byte in opaqueTag.utf8 { hasher.combine(byte) }
        }

        /// The field value: `"v7"` or `W/"v7"`.
        public var description: String { (isWeak ? "W/" : "") + "\"" + opaqueTag + "\"" }

        static func isEtagc(_ byte: UInt8) -> Bool {
            byte == 0x21 || (0x23...0x7E).contains(byte) || byte >= 0x80
        }
    }

    /// A parsed `If-Match` field: `If-Match = "*" / #entity-tag`.
    public enum IfMatch: Hashable, Sendable {
        /// `*`: any current representation.
        case any
        /// The listed tags, in order (possibly none: an empty list matches nothing).
        case tags([EntityTag])

        /// Parses the field value; several `If-Match` lines are combined
        /// first by joining them with `", "`.
        ///
        /// Follows RFC 9110's list rule (section 5.6.1): elements separated
        /// by commas with optional spaces or tabs around them, empty elements
        /// ignored. `*` stands alone, never inside a list.
        /// - Throws: ``HeaderError/malformedIfMatch(_:)``.
        /// - Complexity: O(n) in the length of the value.
        public init(parsing fieldValue: String) throws(HeaderError) {
            var scanner = HeaderScanner(fieldValue)
            scanner.skipWhitespace()
            if scanner.consume(UInt8(ascii: "*")) {
                scanner.skipWhitespace()
                guard scanner.isAtEnd else { throw .malformedIfMatch(fieldValue) }
                self = .any
                return
            }
            var tags: [EntityTag] = []
            while true {
                scanner.skipWhitespace()
                if scanner.isAtEnd { break }
                if scanner.consume(UInt8(ascii: ",")) { continue }  // an empty element
                guard let tag = scanner.entityTag() else { throw .malformedIfMatch(fieldValue) }
                tags.append(tag)
                scanner.skipWhitespace()
                if scanner.isAtEnd { break }
                guard scanner.consume(UInt8(ascii: ",")) else { throw .malformedIfMatch(fieldValue) }
            }
            self = .tags(tags)
        }

        /// RFC 9110 section 13.1.1: `*` is satisfied by any current
        /// representation, a list when one of its tags matches the current
        /// tag by the strong comparison; nothing satisfies it when there is
        /// no current representation.
        public func isSatisfied(by current: EntityTag?) -> Bool {
            guard let current else { return false }
            switch self {
            case .any: return true
            case .tags(let tags): return tags.contains { $0.strongMatch(current) }
            }
        }

        /// The same condition as a `WHERE` clause, so that checking it and
        /// writing are one statement: the versions of the listed *strong*
        /// tags (a weak tag never matches strongly, and a tag this module did
        /// not issue names no version).
        public var expectation: Expectation {
            switch self {
            case .any: .exists
            case .tags(let tags): .anyOf(Set(tags.filter { !$0.isWeak }.compactMap(\.version)))
            }
        }
    }

    /// A minimal HTTP response: enough to read the status and the `ETag`.
    public struct Response<Value: Sendable>: Sendable {
        public var status: Int
        public var entityTag: EntityTag?
        public var value: Value?

        public init(status: Int, entityTag: EntityTag? = nil, value: Value? = nil) {
            self.status = status
            self.entityTag = entityTag
            self.value = value
        }
    }

    /// `GET` and `PUT` on one resource with optimistic concurrency.
    ///
    /// `PUT` replaces an existing resource (creation is another route), and
    /// its statuses are, in the order they are decided:
    /// - 428 Precondition Required: no `If-Match` (this endpoint's choice:
    ///   every write must say which version it replaces);
    /// - 400 Bad Request: an `If-Match` that does not parse;
    /// - 404 Not Found: no such resource. RFC 9110 section 13.2.1 has a
    ///   server ignore preconditions when the request would fail without
    ///   them, so this beats 412 even for `If-Match: *`;
    /// - 412 Precondition Failed, with the current `ETag`: no listed tag
    ///   matches strongly;
    /// - 200 with the new `ETag`.
    public struct ConditionalEndpoint<Repository: VersionedRepository>: Sendable {
        public let repository: Repository

        public init(repository: Repository) {
            self.repository = repository
        }

        /// 200 with the value and its `ETag`, or 404.
        public func get(_ id: String) async throws -> Response<Repository.Value> {
            guard let row = try await repository.read(id) else { return Response(status: 404) }
            return Response(status: 200, entityTag: row.entityTag, value: row.value)
        }

        /// Replaces the value if `If-Match` names the current version.
        /// - Parameter ifMatch: The `If-Match` field value, `nil` when absent.
        public func put(_ id: String, ifMatch: String?, value: Repository.Value) async throws
            -> Response<Repository.Value>
        {
            guard let ifMatch else { return Response(status: 428) }
            let condition: IfMatch
            do {
                condition = try IfMatch(parsing: ifMatch)
            } catch {
                return Response(status: 400)
            }
            do {
                let row = try await repository.update(id, to: value, expecting: condition.expectation)
                return Response(status: 200, entityTag: row.entityTag, value: row.value)
            } catch WriteConflict.notFound {
                return Response(status: 404)
            } catch WriteConflict.versionMismatch(let current) {
                return Response(status: 412, entityTag: .version(current))
            }
        }
    }
}

/// A cursor over a header field value's bytes.
private struct HeaderScanner {
    private let bytes: [UInt8]
    private var index = 0

    init(_ value: String) {
        bytes = Array(value.utf8)
    }

    var isAtEnd: Bool { index == bytes.count }

    /// Skips optional whitespace (`OWS`: spaces and horizontal tabs).
    mutating func skipWhitespace() {
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
    }

    mutating func consume(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    /// Reads `[W/]"etagc*"` and returns it, or returns `nil` with the
    /// position unspecified (the caller then rejects the whole value).
    mutating func entityTag() -> OptimisticConcurrency.EntityTag? {
        // `W/` is case-sensitive (`%s"W/"`): `w/"x"` is malformed.
        let isWeak = consume(UInt8(ascii: "W"))
        if isWeak, !consume(UInt8(ascii: "/")) { return nil }
        guard consume(UInt8(ascii: "\"")) else { return nil }
        let start = index
        while index < bytes.count, OptimisticConcurrency.EntityTag.isEtagc(bytes[index]) { index += 1 }
        let end = index
        guard consume(UInt8(ascii: "\"")) else { return nil }  // unterminated, or a byte etagc excludes
        // The input was a String and quotes are ASCII, so the bytes between them are valid UTF-8.
        return try? OptimisticConcurrency.EntityTag(String(decoding: bytes[start..<end], as: UTF8.self), isWeak: isWeak)
    }
}
