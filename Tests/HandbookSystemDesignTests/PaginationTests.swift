import Foundation
import HandbookSystemDesign
import PropertyBased
import Testing

@Suite("Pagination: offset vs keyset, signed cursors, auto-paginating client", .timeLimit(.minutes(1)))
struct PaginationTests {
    struct Order: Codable, Equatable, Hashable, Sendable, CustomStringConvertible {
        var createdAt: Int
        var id: String
        var description: String { "\(id)@\(createdAt)" }
        static func key(_ order: Order) -> (Int, String) { (order.createdAt, order.id) }
    }

    typealias Cursor = KeysetCursor<Int, String>

    static let secret = "test-only secret of 32 bytes!!!!"

    static func sorted(_ orders: [Order]) -> [Order] { orders.sorted { Order.key($0) < Order.key($1) } }

    /// The rows a server would return, ordered by `(created_at, id)`.
    actor OrderTable {
        private(set) var rows: [Order]
        private(set) var fetchCount = 0
        let codec: CursorCodec

        init(_ rows: [Order], codec: CursorCodec) {
            self.rows = PaginationTests.sorted(rows)
            self.codec = codec
        }

        func insert(_ order: Order) { rows = PaginationTests.sorted(rows + [order]) }

        /// `GET /orders?limit=&cursor=`.
        func get(cursor token: String?, limit: Int) throws -> Pagination.CursorPage<Order> {
            fetchCount += 1
            let cursor = try token.map { token throws(PaginationError) in try codec.decode(token, as: Cursor.self) }
            return codec.cursorPage(try Pagination.keysetPage(of: rows, after: cursor, limit: limit, key: Order.key))
        }
    }

    @Test(
        "Go's offset cases over 1…10, 3 per page",
        arguments: [(1, [1, 2, 3], true), (2, [4, 5, 6], true), (4, [10], false), (5, [], false), (99, [], false)])
    func offsetPagesLikeTheGoSeed(page: Int, expected: [Int], hasMore: Bool) throws {
        let result = try Pagination.offsetPage(of: 1...10, page: page, pageSize: 3)
        #expect(result.items == expected)
        #expect(result.hasMore == hasMore)
        #expect(result.totalCount == 10 && result.totalPages == 4)
    }

    @Test("a limit outside 1…maximum and a page below 1 are thrown errors, not clamped")
    func invalidLimitsAndPagesThrow() throws {
        for limit in [0, -1, 101, Int.max] {
            #expect(throws: PaginationError.invalidLimit(limit, maximum: 100)) {
                try Pagination.offsetPage(of: [1, 2, 3], page: 1, pageSize: limit)
            }
            #expect(throws: PaginationError.invalidLimit(limit, maximum: 100)) {
                try Pagination.keysetPage(of: [Order](), after: nil, limit: limit, key: Order.key)
            }
        }
        #expect(throws: PaginationError.invalidPage(0)) { try Pagination.offsetPage(of: [1], page: 0, pageSize: 1) }
        #expect(throws: PaginationError.invalidPage(-3)) { try Pagination.offsetPage(of: [1], page: -3, pageSize: 1) }
        #expect(try Pagination.validatedLimit(nil) == 20)
        #expect(try Pagination.validatedLimit(100) == 100)
        #expect(PaginationError.invalidLimit(0, maximum: 100).description == "limit must be between 1 and 100, got 0")
        // A huge page number overflows (page - 1) * pageSize: an empty page, not a trap.
        #expect(try Pagination.offsetPage(of: 1...10, page: .max, pageSize: 3).items.isEmpty)
    }

    @Test("cursor pages: [a, b], then [c, d] from the decoded cursor, then [e] and no cursor")
    func keysetPagesFollowTheCursor() throws {
        let codec = try CursorCodec(secret: Self.secret)
        let rows = ["a", "b", "c", "d", "e"].enumerated().map { Order(createdAt: $0.offset * 10, id: $0.element) }
        let first = try Pagination.keysetPage(of: rows, after: nil, limit: 2, key: Order.key)
        #expect(first.items.map(\.id) == ["a", "b"])
        let token = try #require(first.nextCursor.map { codec.encode($0) })
        let cursor = try codec.decode(token, as: Cursor.self)
        #expect(cursor == Cursor(lastSortKey: 10, lastID: "b"))
        let second = try Pagination.keysetPage(of: rows, after: cursor, limit: 2, key: Order.key)
        #expect(second.items.map(\.id) == ["c", "d"])
        let third = try Pagination.keysetPage(of: rows, after: second.nextCursor, limit: 2, key: Order.key)
        #expect(third.items.map(\.id) == ["e"])
        #expect(third.nextCursor == nil)
    }

    @Test("an insert before the position: offset shows an item twice, keyset neither repeats nor skips")
    func insertBeforeThePosition() throws {
        var rows = [10, 20, 30, 40, 50, 60].map { Order(createdAt: $0, id: "o\($0)") }
        let offsetFirst = try Pagination.offsetPage(of: rows, page: 1, pageSize: 2).items
        let keysetFirst = try Pagination.keysetPage(of: rows, after: nil, limit: 2, key: Order.key)

        rows = Self.sorted(rows + [Order(createdAt: 5, id: "o5")])  // a new, older row lands on page 1

        let offsetSecond = try Pagination.offsetPage(of: rows, page: 2, pageSize: 2).items
        let keysetSecond = try Pagination.keysetPage(of: rows, after: keysetFirst.nextCursor, limit: 2, key: Order.key)
        #expect((offsetFirst + offsetSecond).map(\.createdAt) == [10, 20, 20, 30])  // o20 twice
        #expect((keysetFirst.items + keysetSecond.items).map(\.createdAt) == [10, 20, 30, 40])  // exact continuation
    }

    @Test("a delete before the position: offset skips an item, keyset does not")
    func deleteBeforeThePosition() throws {
        var rows = [10, 20, 30, 40, 50, 60].map { Order(createdAt: $0, id: "o\($0)") }
        let offsetFirst = try Pagination.offsetPage(of: rows, page: 1, pageSize: 2).items
        let keysetFirst = try Pagination.keysetPage(of: rows, after: nil, limit: 2, key: Order.key)

        rows.removeFirst()

        let offsetSecond = try Pagination.offsetPage(of: rows, page: 2, pageSize: 2).items
        let keysetSecond = try Pagination.keysetPage(of: rows, after: keysetFirst.nextCursor, limit: 2, key: Order.key)
        #expect((offsetFirst + offsetSecond).map(\.createdAt) == [10, 20, 40, 50])  // o30 never shown
        #expect((keysetFirst.items + keysetSecond.items).map(\.createdAt) == [10, 20, 30, 40])
    }

    @Test("rows sharing a created_at across a page boundary are neither skipped nor repeated (id breaks ties)")
    func tiesOnTheSortKeyAreBrokenByID() throws {
        let rows = Self.sorted(["a", "b", "c", "d", "e"].map { Order(createdAt: 7, id: $0) })
        var cursor: Cursor?
        var seen: [String] = []
        repeat {
            let page = try Pagination.keysetPage(of: rows, after: cursor, limit: 2, key: Order.key)
            seen += page.items.map(\.id)
            cursor = page.nextCursor
        } while cursor != nil && seen.count <= rows.count
        #expect(seen == ["a", "b", "c", "d", "e"])
    }

    @Test("a tampered, garbage, foreign-secret, wrong-version or wrong-type cursor throws invalidCursor")
    func badCursorsAreRejected() throws {
        let codec = try CursorCodec(secret: Self.secret)
        let token = codec.encode(Cursor(lastSortKey: 1_700_000_000, lastID: "order-42"))
        #expect(try codec.decode(token, as: Cursor.self).lastID == "order-42")

        var tampered = Array(token.utf8)
        tampered[3] = tampered[3] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
        let foreign = try CursorCodec(secret: "a different secret, 32 bytes....")
            .encode(Cursor(lastSortKey: 0, lastID: "order-1"))
        // Correctly signed, but a version this code does not read.
        let signer = try CursorSigning.TokenSigner(secret: Self.secret)
        let futureVersion = signer.sign(Array(#"{"lastID":"x","lastSortKey":1,"version":2}"#.utf8))
        let bad = [
            String(decoding: tampered, as: UTF8.self), "garbage", "", foreign, futureVersion,
            String(repeating: "A", count: 5_000),
        ]
        for candidate in bad {
            #expect(throws: PaginationError.invalidCursor, "\(candidate.prefix(40))") {
                try codec.decode(candidate, as: Cursor.self)
            }
        }
        // A genuine cursor for another listing's key types is no use here either.
        #expect(throws: PaginationError.invalidCursor) {
            try codec.decode(token, as: KeysetCursor<String, Int>.self)
        }
    }

    @Test("for try await page in client.pages() yields every row exactly once, in order, across pages")
    func clientDrainsEveryPage() async throws {
        let codec = try CursorCodec(secret: Self.secret)
        let table = OrderTable((1...25).map { Order(createdAt: $0, id: "o\($0)") }, codec: codec)
        let client = try Pagination.Client<Order>(pageSize: 4) { cursor, limit in
            try await table.get(cursor: cursor, limit: limit)
        }
        var pageSizes: [Int] = []
        var seen: [Order] = []
        for try await page in client.pages() {
            pageSizes.append(page.count)
            seen += page
            if pageSizes.count == 2 {
                // Writers keep writing while the client pages: an older row is behind the cursor, a newer one ahead.
                await table.insert(Order(createdAt: 0, id: "late-old"))
                await table.insert(Order(createdAt: 100, id: "late-new"))
            }
        }
        #expect(seen.map(\.id) == (1...25).map { "o\($0)" } + ["late-new"])
        #expect(pageSizes == [4, 4, 4, 4, 4, 4, 2])
        #expect(await table.fetchCount == 7)
        #expect(throws: PaginationError.invalidLimit(0, maximum: 100)) {
            try Pagination.Client<Order>(pageSize: 0) { _, _ in Pagination.CursorPage(items: [], nextCursor: nil) }
        }
    }

    @Test("a server that hands back the same cursor stops the client instead of looping forever")
    func clientRejectsACursorThatDoesNotAdvance() async throws {
        let client = try Pagination.Client<Int>(pageSize: 1) { _, _ in
            Pagination.CursorPage(items: [1], nextCursor: "stuck")
        }
        var pages = 0
        await #expect(throws: PaginationError.cursorDidNotAdvance) {
            for try await _ in client.pages() { pages += 1 }
        }
        #expect(pages == 1)
    }

    @Test("property: keyset over random rows, page sizes and interleaved inserts yields each row once, in order")
    func keysetYieldsEveryRowExactlyOnce() async {
        await propertyCheck(
            count: 200, input: Gen.int(in: 0...30).array(of: 0...40), Gen.int(in: 0...40).array(of: 0...20),
            Gen.int(in: 1...6).array(of: 1...8)
        ) { originalKeys, insertedKeys, pageSizes in
            do {
                let originals = originalKeys.enumerated().map { Order(createdAt: $0.element, id: "o\($0.offset)") }
                var rows = Self.sorted(originals)
                var pendingInserts = insertedKeys.enumerated().map { Order(createdAt: $0.element, id: "n\($0.offset)") }
                var mustAppear: [Order] = []
                var seen: [Order] = []
                var cursor: Cursor?
                var pageNumber = 0
                while true {
                    // Each page must make progress; a cursor that stands still would loop forever.
                    guard pageNumber <= originals.count + insertedKeys.count else {
                        Issue.record("more pages than rows: the cursor does not advance")
                        break
                    }
                    let limit = pageSizes[pageNumber % pageSizes.count]
                    pageNumber += 1
                    let page = try Pagination.keysetPage(of: rows, after: cursor, limit: limit, key: Order.key)
                    seen += page.items
                    guard let next = page.nextCursor else { break }
                    cursor = next
                    if let inserted = pendingInserts.popLast() {
                        rows = Self.sorted(rows + [inserted])
                        if Order.key(inserted) > (next.lastSortKey, next.lastID) { mustAppear.append(inserted) }
                    }
                }
                let strictlyIncreasing = zip(seen, seen.dropFirst()).allSatisfy { Order.key($0) < Order.key($1) }
                #expect(strictlyIncreasing, "out of order or repeated: \(seen)")
                #expect(seen.filter { $0.id.hasPrefix("o") } == Self.sorted(originals), "an original row was lost")
                #expect(Set(mustAppear).isSubset(of: Set(seen)), "a row inserted ahead of the cursor was skipped")
            } catch {
                Issue.record("unexpected error: \(error)")
            }
        }
    }

    @Test("a Date key survives the signed cursor bit for bit, yet repeats the boundary row; Int64 microseconds do not")
    func dateSortKeyVersusExactMicroseconds() throws {
        let codec = try CursorCodec(secret: Self.secret)
        // The row the service just inserted, as the app holds it, and as PostgreSQL stored it (rounded to µs).
        let appDate = Date(timeIntervalSince1970: 1_700_000_000.123_456_7)
        let storedMicros = Int64((appDate.timeIntervalSince1970 * 1_000_000).rounded())
        let storedDate = Date(timeIntervalSince1970: Double(storedMicros) / 1_000_000)
        #expect(storedMicros == 1_700_000_000_123_457)

        let dateCursor = KeysetCursor(lastSortKey: appDate, lastID: "a")
        let decodedDate = try codec.decode(codec.encode(dateCursor), as: KeysetCursor<Date, String>.self)
        #expect(decodedDate == dateCursor, "JSON is not the problem: the default strategy round-trips the Double")
        let dateRows = [(storedDate, "a"), (storedDate.addingTimeInterval(0.000_001), "b")]
        let dateNext = try Pagination.keysetPage(of: dateRows, after: decodedDate, limit: 10) { ($0.0, $0.1) }
        #expect(dateNext.items.map(\.1) == ["a", "b"], "the stored key sorts after the cursor: row a comes back")

        let microsCursor = KeysetCursor(lastSortKey: storedMicros, lastID: "a")
        let decodedMicros = try codec.decode(codec.encode(microsCursor), as: KeysetCursor<Int64, String>.self)
        let microsRows = [(storedMicros, "a"), (storedMicros + 1, "b")]
        let microsNext = try Pagination.keysetPage(of: microsRows, after: decodedMicros, limit: 10) { ($0.0, $0.1) }
        #expect(microsNext.items.map(\.1) == ["b"])
    }
}
