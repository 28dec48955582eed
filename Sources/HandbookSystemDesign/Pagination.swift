import Foundation

/// Offset pagination for small, static lists, and keyset (cursor) pagination
/// with a signed, opaque cursor for everything else.
///
/// ```swift
/// let codec = try CursorCodec(secret: secret)
/// let cursor = try request.cursor.map { try codec.decode($0, as: KeysetCursor<Int64, String>.self) }  // 400 if forged
/// let page = try Pagination.keysetPage(of: orders, after: cursor, limit: 20) { ($0.createdAt, $0.id) }
/// let body = codec.cursorPage(page)   // {"items": […], "nextCursor": "eyJ…" or null}
/// ```
///
/// In SQL the keyset query is one index range scan, however deep the page:
///
/// ```sql
/// SELECT * FROM orders
/// WHERE (created_at, id) > ($1, $2)   -- the cursor's lastSortKey, lastID
/// ORDER BY created_at, id
/// LIMIT $3                            -- limit + 1, to learn whether another page exists
/// ```
///
/// ## Why interviewers ask this
/// Every list endpoint needs it, and the naive answer (`OFFSET (page-1)*size
/// LIMIT size`) breaks at scale in two ways interviewers probe: the database
/// still reads and discards every skipped row (page 10,000 is slow), and rows
/// inserted or deleted before the current position shift everything, so the
/// client sees an item twice or never. Keyset pagination fixes both by
/// remembering *where* it stopped (the last row's sort key) rather than *how
/// many* it skipped. Follow-ups: why the `id` tie-breaker, why the cursor is
/// opaque and signed, what a cursor cannot do (jump to page 7, show a total),
/// and how to validate `limit`.
///
/// ## Common pitfalls
/// - Sorting by a non-unique column alone (`created_at`): rows sharing the last
///   timestamp are skipped or repeated at page boundaries. Order by a unique
///   tuple `(created_at, id)` and compare the tuple, as SQL's row-value `>`
///   does (experiment `pagination.drop-id-tie-breaker`).
/// - A `Date` sort key. `Date` is a `Double` of seconds since 2001, the
///   database's `timestamptz` is integer microseconds, and the two disagree
///   at the edges: a `Date()` carries sub-microsecond digits that PostgreSQL
///   rounds away, a driver converts with its own rounding, and a JSON
///   strategy such as `.iso8601` drops the fraction altogether. A cursor whose
///   key is off by one microsecond repeats or skips the boundary row. Use an
///   exact key, `Int64` microseconds since 1970 (what `timestamptz` holds,
///   and what the example above uses), end to end.
/// - `>=` instead of `>` after the cursor repeats the last item of every page
///   (experiment `pagination.cursor-includes-last-item`).
/// - Offset pagination over changing data: an insert before the current
///   offset duplicates an item on the next page, a delete skips one.
/// - A readable, unsigned cursor (`base64("42")`): clients edit it. Sign it
///   (``CursorCodec``, HMAC from ``CursorSigning``) and answer 400 on a bad one.
/// - Finding the cursor's position by scanning the whole list: O(n) per page.
///   The data is sorted, so binary search (or the database index) finds it in
///   O(log n).
/// - Trusting `limit`: `?limit=1000000` is a denial of service; `0` or `-1` is
///   nonsense. Validate against a maximum and throw.
///
/// ## Key takeaway
/// Offset answers "page N of M" and is fine for small, stable data; keyset
/// answers "what comes after this row", does not shift when rows are
/// inserted or deleted before the cursor, and costs the same at any depth.
/// It is not immune to writes: a row that commits late with a sort key
/// behind a cursor already handed out (a timestamp taken before commit,
/// clock skew between instances, an NTP step) is skipped by that reader. The cursor is an opaque, signed, versioned token holding
/// the last row's `(sortKey, id)`; the server never trusts it unverified.
///
/// ## Go → Swift
/// The Go seed's `PaginateSlice` computes offsets over a slice, and its cursor
/// variant takes the last item's raw id as the cursor (the Base64 helpers
/// beside it are unused, so cursors are neither opaque nor signed) and finds
/// that id again with an O(n) linear scan.
/// Swift's ``offsetPage(of:page:pageSize:maximumPageSize:)`` works on any
/// `Collection` (offsets are indices, not integers, and checked with
/// `index(_:offsetBy:limitedBy:)`); the keyset version binary-searches a
/// `RandomAccessCollection` and compares `(sortKey, id)` tuples with the
/// standard library's tuple `<`; the cursor is a generic `Codable` struct,
/// JSON-encoded and HMAC-signed; and a client drains every page with
/// `for try await page in client.pages()`, an `AsyncSequence` instead of a
/// hand-written loop over a channel.
public enum Pagination {
    /// The page size used when a request names none.
    public static let defaultLimit = 20
    /// The largest page size a request may ask for.
    public static let maximumLimit = 100

    /// The page size to use for a request's optional `limit`.
    /// - Throws: ``PaginationError/invalidLimit(_:maximum:)`` when the limit
    ///   (or, when `requested` is nil, `defaultLimit`) is not in `1...maximum`.
    public static func validatedLimit(
        _ requested: Int?,
        default defaultLimit: Int = Pagination.defaultLimit,
        maximum: Int = Pagination.maximumLimit
    ) throws(PaginationError) -> Int {
        let limit = requested ?? defaultLimit
        guard limit >= 1, limit <= maximum else { throw .invalidLimit(limit, maximum: maximum) }
        return limit
    }
}

// MARK: - Offset pagination

extension Pagination {
    /// One page of an offset-paginated list.
    public struct OffsetPage<Element> {
        /// The page's elements, at most `pageSize`.
        public var items: [Element]
        /// The 1-based page number that was requested.
        public var page: Int
        public var pageSize: Int
        /// The number of elements in the whole list.
        public var totalCount: Int
        /// Whether a later page has elements.
        public var hasMore: Bool

        /// The number of non-empty pages.
        public var totalPages: Int { (totalCount + pageSize - 1) / pageSize }
    }

    /// Page `page` (1-based) of `items`, `pageSize` elements per page: the Go
    /// seed's `PaginateSlice` for any `Collection`. A page past the end is empty.
    ///
    /// - Throws: ``PaginationError/invalidPage(_:)`` when `page < 1`,
    ///   ``PaginationError/invalidLimit(_:maximum:)`` when `pageSize` is not in
    ///   `1...maximumPageSize`.
    /// - Complexity: O(`pageSize`) for a `RandomAccessCollection`; otherwise
    ///   O(n), to count and to walk to the offset. A database pays O(offset)
    ///   too: `OFFSET` reads and discards the skipped rows.
    public static func offsetPage<C: Collection>(
        of items: C,
        page: Int,
        pageSize: Int,
        maximumPageSize: Int = Pagination.maximumLimit
    ) throws(PaginationError) -> OffsetPage<C.Element> {
        guard page >= 1 else { throw .invalidPage(page) }
        let pageSize = try validatedLimit(pageSize, maximum: maximumPageSize)
        let totalCount = items.count
        let (offset, overflow) = (page - 1).multipliedReportingOverflow(by: pageSize)
        guard !overflow, let start = items.index(items.startIndex, offsetBy: offset, limitedBy: items.endIndex) else {
            return OffsetPage(items: [], page: page, pageSize: pageSize, totalCount: totalCount, hasMore: false)
        }
        let end = items.index(start, offsetBy: pageSize, limitedBy: items.endIndex) ?? items.endIndex
        return OffsetPage(
            items: Array(items[start..<end]), page: page, pageSize: pageSize, totalCount: totalCount,
            hasMore: end != items.endIndex)
    }
}

extension Pagination.OffsetPage: Sendable where Element: Sendable {}
extension Pagination.OffsetPage: Equatable where Element: Equatable {}

// MARK: - Keyset pagination

/// Where a keyset page ended: the last row's sort key and its unique id, the
/// two values of `WHERE (created_at, id) > ($1, $2)`.
///
/// Clients never see this struct, only ``CursorCodec``'s signed token of it.
public struct KeysetCursor<SortKey: Comparable & Codable & Sendable, ID: Comparable & Codable & Sendable>:
    Codable, Equatable, Sendable
{
    /// The format this code writes; ``CursorCodec`` rejects any other, so old
    /// cursors fail cleanly (400, restart from the first page) after a change.
    public static var currentVersion: Int { 1 }

    public var version: Int
    /// The sort key of the last row returned (`created_at`).
    public var lastSortKey: SortKey
    /// The unique id of the last row returned: the tie-breaker.
    public var lastID: ID

    public init(lastSortKey: SortKey, lastID: ID) {
        self.version = Self.currentVersion
        self.lastSortKey = lastSortKey
        self.lastID = lastID
    }
}

extension Pagination {
    /// One page of a keyset-paginated list.
    public struct KeysetPage<Element, SortKey: Comparable & Codable & Sendable, ID: Comparable & Codable & Sendable> {
        public var items: [Element]
        /// Where the next page starts, or `nil` when this is the last page.
        public var nextCursor: KeysetCursor<SortKey, ID>?
    }

    /// The first `limit` elements that sort strictly after `cursor` (from the
    /// start when `cursor` is nil), and the cursor of the next page.
    ///
    /// - Parameters:
    ///   - sorted: elements in ascending `key` order, keys unique (hence the id).
    ///   - key: an element's `(sortKey, id)`.
    /// - Throws: ``PaginationError/invalidLimit(_:maximum:)`` when `limit` is
    ///   not in `1...maximumLimit`.
    /// - Precondition: `sorted` is sorted by `key` without duplicates.
    /// - Complexity: O(log n + `limit`): a binary search for the cursor
    ///   instead of the Go seed's O(n) scan.
    public static func keysetPage<C: RandomAccessCollection, SortKey, ID>(
        of sorted: C,
        after cursor: KeysetCursor<SortKey, ID>?,
        limit: Int,
        maximumLimit: Int = Pagination.maximumLimit,
        key: (C.Element) -> (SortKey, ID)
    ) throws(PaginationError) -> KeysetPage<C.Element, SortKey, ID> {
        let limit = try validatedLimit(limit, maximum: maximumLimit)
        var start = sorted.startIndex
        if let cursor {
            let after = (cursor.lastSortKey, cursor.lastID)
            // The first element whose key is greater than the cursor's (a partition point).
            var high = sorted.endIndex
            while start < high {
                let middle = sorted.index(start, offsetBy: sorted.distance(from: start, to: high) / 2)
                if key(sorted[middle]) > after {
                    high = middle
                } else {
                    start = sorted.index(after: middle)
                }
            }
        }
        let end = sorted.index(start, offsetBy: limit, limitedBy: sorted.endIndex) ?? sorted.endIndex
        let items = Array(sorted[start..<end])
        var nextCursor: KeysetCursor<SortKey, ID>?
        if end != sorted.endIndex, let last = items.last {
            let (sortKey, id) = key(last)
            nextCursor = KeysetCursor(lastSortKey: sortKey, lastID: id)
        }
        return KeysetPage(items: items, nextCursor: nextCursor)
    }
}

extension Pagination.KeysetPage: Sendable where Element: Sendable {}

/// Turns keyset cursors into opaque, tamper-evident URL-safe tokens and back:
/// JSON, signed with HMAC-SHA256 (``CursorSigning/TokenSigner``).
///
/// A service holds one codec built from its configured secret; `GET
/// /orders?cursor=` decodes with it and answers 400 on
/// ``PaginationError/invalidCursor``.
public struct CursorCodec: Sendable {
    /// Longer tokens are rejected before any hashing or parsing.
    public static let maximumTokenLength = 1_024

    private let signer: CursorSigning.TokenSigner

    /// - Throws: ``CursorSigning/ConfigurationError`` for a secret shorter
    ///   than ``CursorSigning/TokenSigner/minimumSecretByteCount`` bytes.
    public init(secret: some Collection<UInt8>) throws(CursorSigning.ConfigurationError) {
        signer = try CursorSigning.TokenSigner(secret: secret)
    }

    /// A codec whose secret is the UTF-8 bytes of `secret`.
    public init(secret: String) throws(CursorSigning.ConfigurationError) {
        try self.init(secret: Array(secret.utf8))
    }

    /// The signed token of `cursor`.
    /// - Precondition: the cursor's keys encode to JSON (a `Double` key must be finite).
    public func encode<SortKey, ID>(_ cursor: KeysetCursor<SortKey, ID>) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        do {
            return signer.sign(Array(try encoder.encode(cursor)))
        } catch {
            preconditionFailure("a keyset cursor must encode to JSON: \(error)")
        }
    }

    /// The cursor inside `token`, checked before it is parsed.
    /// - Throws: ``PaginationError/invalidCursor`` when the token is too long,
    ///   malformed, altered, signed with another secret, of another version, or
    ///   holds keys of other types.
    /// - Complexity: O(n) in the token length.
    public func decode<SortKey, ID>(
        _ token: some StringProtocol,
        as type: KeysetCursor<SortKey, ID>.Type = KeysetCursor<SortKey, ID>.self
    ) throws(PaginationError) -> KeysetCursor<SortKey, ID> {
        // Authenticate first: untrusted bytes never reach the JSON parser.
        guard token.utf8.count <= Self.maximumTokenLength, let payload = signer.verify(token),
            let cursor = try? JSONDecoder().decode(type, from: Data(payload)),
            cursor.version == KeysetCursor<SortKey, ID>.currentVersion
        else { throw .invalidCursor }
        return cursor
    }

    /// The wire form of a keyset page: its items and the next page's token.
    public func cursorPage<Element, SortKey, ID>(
        _ page: Pagination.KeysetPage<Element, SortKey, ID>
    ) -> Pagination.CursorPage<Element> {
        Pagination.CursorPage(items: page.items, nextCursor: page.nextCursor.map { encode($0) })
    }
}

/// Why a pagination request was refused.
public enum PaginationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The cursor is malformed, forged, signed with another secret or from an
    /// unsupported version. HTTP 400.
    case invalidCursor
    /// The page size is not in `1...maximum`. HTTP 400.
    case invalidLimit(Int, maximum: Int)
    /// The 1-based page number is below 1. HTTP 400.
    case invalidPage(Int)
    /// A server returned the cursor it was given: following it would loop forever.
    case cursorDidNotAdvance

    public var description: String {
        switch self {
        case .invalidCursor: "invalid cursor"
        case .invalidLimit(let limit, let maximum): "limit must be between 1 and \(maximum), got \(limit)"
        case .invalidPage(let page): "page must be 1 or more, got \(page)"
        case .cursorDidNotAdvance: "the server returned the same cursor again"
        }
    }
}

// MARK: - Auto-paginating client

extension Pagination {
    /// A page as it travels over HTTP: items and an opaque token for the next
    /// page (`nil`, JSON `null`, on the last one).
    public struct CursorPage<Item> {
        public var items: [Item]
        public var nextCursor: String?

        public init(items: [Item], nextCursor: String?) {
            self.items = items
            self.nextCursor = nextCursor
        }
    }

    /// Follows cursors for you: `for try await page in client.pages()` fetches
    /// page after page until the server returns no next cursor.
    public struct Client<Item: Sendable>: Sendable {
        /// Fetches the page after `cursor` (the first page when nil).
        public typealias FetchPage = @Sendable (_ cursor: String?, _ limit: Int) async throws -> CursorPage<Item>

        public let pageSize: Int
        private let fetchPage: FetchPage

        /// - Throws: ``PaginationError/invalidLimit(_:maximum:)`` when
        ///   `pageSize` is not in `1...maximumPageSize`.
        public init(
            pageSize: Int,
            maximumPageSize: Int = Pagination.maximumLimit,
            fetchPage: @escaping FetchPage
        ) throws(PaginationError) {
            self.pageSize = try Pagination.validatedLimit(pageSize, maximum: maximumPageSize)
            self.fetchPage = fetchPage
        }

        /// Every page, lazily: nothing is fetched until the loop asks.
        public func pages() -> Pages { Pages(client: self) }

        /// The pages of a ``Client``, fetched one at a time as they are consumed.
        public struct Pages: AsyncSequence, Sendable {
            public typealias Element = [Item]
            let client: Client

            public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(client: client) }

            public struct AsyncIterator: AsyncIteratorProtocol {
                let client: Client
                var cursor: String?
                var isFinished = false

                /// The next page, or `nil` after the page that had no next cursor.
                /// - Throws: the fetch's error, `CancellationError` when the task is
                ///   cancelled, ``PaginationError/cursorDidNotAdvance`` when the
                ///   server hands back the cursor it was given.
                public mutating func next() async throws -> [Item]? {
                    guard !isFinished else { return nil }
                    try Task.checkCancellation()
                    let page = try await client.fetchPage(cursor, client.pageSize)
                    if let next = page.nextCursor {
                        guard next != cursor else { throw PaginationError.cursorDidNotAdvance }
                        cursor = next
                    } else {
                        isFinished = true
                    }
                    return page.items
                }
            }
        }
    }
}

extension Pagination.CursorPage: Sendable where Item: Sendable {}
extension Pagination.CursorPage: Equatable where Item: Equatable {}
extension Pagination.CursorPage: Encodable where Item: Encodable {}
extension Pagination.CursorPage: Decodable where Item: Decodable {}
