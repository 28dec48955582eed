import HandbookLeetCode
import PropertyBased
import Testing

@Suite("LeetCode 200: number of islands")
struct NumberOfIslandsTests {
    typealias Lesson = NumberOfIslands

    /// Oracle by a different method: give every land cell its own label, then
    /// repeatedly lower each label to its neighbours' minimum until nothing
    /// changes; count the distinct labels.
    static func labelPropagation(_ grid: [[Character]]) -> Int {
        let rows = grid.count
        let width = grid.first?.count ?? 0
        var label = [Int?](repeating: nil, count: rows * width)
        for r in 0..<rows { for c in 0..<width where grid[r][c] == "1" { label[r * width + c] = r * width + c } }
        var changed = true
        while changed {
            changed = false
            for r in 0..<rows {
                for c in 0..<width {
                    guard let own = label[r * width + c] else { continue }
                    for (nr, nc) in [(r - 1, c), (r + 1, c), (r, c - 1), (r, c + 1)]
                    where (0..<rows).contains(nr) && (0..<width).contains(nc) {
                        if let other = label[nr * width + nc], other < own {
                            label[r * width + c] = other
                            changed = true
                        }
                    }
                }
            }
        }
        return Set(label.compactMap { $0 }).count
    }

    @Test(
        "LeetCode's published examples",
        arguments: [
            (["11110", "11010", "11000", "00000"], 1),
            (["11000", "11000", "00100", "00011"], 3),
        ])
    func publishedExamples(rows: [String], expected: Int) {
        let grid = Lesson.grid(rows)
        #expect(Lesson.count(in: grid) == expected)
        #expect(Lesson.countRecursively(grid) == expected)
        var scratch = grid
        #expect(Lesson.countBySinking(&scratch) == expected)
    }

    @Test(
        "edge cases: empty, one cell, all water, all land, diagonals, U and spiral shapes",
        arguments: [
            ([], 0), ([""], 0), (["1"], 1), (["0"], 0), (["000", "000"], 0), (["111", "111"], 1),
            (["101", "010", "101"], 5), (["101", "111"], 1), (["111", "001", "101", "111"], 1),
        ])
    func edgeCases(rows: [String], expected: Int) {
        #expect(Lesson.count(in: Lesson.grid(rows)) == expected)
    }

    @Test("count(in:) leaves the grid alone; countBySinking mutates only the inout argument")
    func mutationIsExplicit() {
        let original = Lesson.grid(["110", "011", "000"])
        #expect(Lesson.count(in: original) == 1)
        var scratch = original  // shares storage until the first write (copy-on-write)
        #expect(Lesson.countBySinking(&scratch) == 1)
        #expect(scratch == Lesson.grid(["000", "000", "000"]))
        #expect(original == Lesson.grid(["110", "011", "000"]), "Go's [][]byte would have been sunk too")
    }

    @Test("the iterative fill handles a 200,000-cell island that would need 200,000 stack frames")
    func iterativeHandlesALongIsland() {
        let snake = [[Character](repeating: "1", count: 200_000)]
        #expect(Lesson.count(in: snake) == 1)
    }

    @Test("the pitfall: recursive DFS overflows the stack on the same island")
    func recursionOverflowsTheStack() async {
        await #expect(processExitsWith: .failure) {
            _ = NumberOfIslands.countRecursively([[Character](repeating: "1", count: 200_000)])
        }
    }

    @Test("ragged grids are a precondition failure")
    func raggedGridTraps() async {
        await #expect(processExitsWith: .failure) {
            _ = NumberOfIslands.count(in: NumberOfIslands.grid(["11", "1"]))
        }
    }

    @Test("matches a label-propagation oracle on 1,000 random grids")
    func matchesOracle() async {
        let input = zip(Gen.int(in: 1...6), Gen.bool.array(of: 0...36))
        await propertyCheck(count: 1_000, input: input) { width, cells in
            let rows = cells.count / width
            let grid = (0..<rows).map { r in (0..<width).map { c in cells[r * width + c] ? Character("1") : "0" } }
            let expected = Self.labelPropagation(grid)
            #expect(Lesson.count(in: grid) == expected)
            #expect(Lesson.countRecursively(grid) == expected)
            var scratch = grid
            #expect(Lesson.countBySinking(&scratch) == expected)
        }
    }
}
