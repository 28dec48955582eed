/// Merge Two Sorted Lists (LeetCode 21): splice two sorted linked lists into
/// one by relinking their nodes behind a dummy head, taking from the first
/// list on ties.
///
/// ```swift
/// typealias Lists = MergeTwoSortedLists
/// let merged = Lists.merge(Lists.makeList([1, 2, 4]), Lists.makeList([1, 3, 4]))
/// Lists.values(of: merged)  // [1, 1, 2, 3, 4, 4]; the first 1 is list1's node
/// Lists.merge([1, 2, 4], [1, 3, 4])  // the value-type version on arrays
/// ```
///
/// ## The problem
/// Given the heads of two linked lists sorted in non-decreasing order,
/// return the head of one sorted list made by splicing together their nodes.
/// Either list may be empty. This version also promises **stability**: when
/// values are equal, list1's node comes first.
///
/// ## Approach
/// Keep a `tail` pointer, starting at a dummy node so the first splice is not
/// a special case. While both lists have nodes, link the smaller head after
/// `tail` (list1's on a tie: `<=`), advance that list and the tail. When one
/// list runs out, link the rest of the other in one step: it is already
/// sorted. Return `dummy.next`. No node is allocated except the dummy;
/// nodes are relinked, never copied.
/// - Complexity: O(n + m) time, O(1) extra space.
///
/// ## Why interviewers ask this
/// It is the merge step of merge sort and of k-way merges (with a heap), and
/// the simplest test of pointer manipulation: the dummy head, the tail that
/// must advance, the leftover list attached in O(1). The follow-ups — "is
/// it stable?", "did you allocate?", "now do k lists" — separate a memorised
/// answer from an understood one.
///
/// ## Common pitfalls
/// - Breaking ties towards list2 (``mergeTakingList2OnTies(_:_:)``, the Go
///   seed's `<` where `<=` was meant): the values still come out sorted, so
///   only a test that checks node *identity* notices the lost stability.
/// - Allocating a new node per value instead of relinking: correct output,
///   O(n + m) extra memory, and callers holding the old nodes see copies.
/// - Forgetting to advance `tail`, which keeps overwriting `dummy.next` and
///   loses nodes, or walking the leftover list node by node instead of linking it
///   once.
/// - In Swift specifically: ARC frees a plain chain of nodes without deep
///   recursion (checked: 10M nodes on Swift 6.3.1), but a custom `deinit` that
///   keeps `next` in a local (`var rest = next`) releases the successor from
///   inside user code, one stack frame per node, and a long list overflows
///   the stack. If you write a `deinit`, unlink the chain in a loop, as
///   ``ListNode`` does.
///
/// ## Key takeaway
/// A dummy head removes the empty-result special case; `<=` on list1 makes
/// the merge stable; the leftover list is attached, not walked. Nodes are
/// classes precisely because their identity is what the problem splices.
///
/// ## Edges, audited
/// - Depth: the merge and the helpers are loops, and ``ListNode``'s
///   `deinit` unlinks in a loop (a million-node list is freed in a test).
/// - Overflow: values are only compared (`Int.min`/`Int.max` tested).
/// - Unicode: none.
///
/// ## Go → Swift
/// Go's `type ListNode struct { Val int; Next *ListNode }` becomes a
/// `final class` with an optional `next`: a reference type, because nodes
/// are shared and relinked, compared with `===`. `dummy := &ListNode{}`
/// becomes `ListNode(0)`. The Go seed took list2's node when values were
/// equal; this version takes list1's and tests it by identity. Swift has no
/// garbage collector: a node's `deinit` runs the moment its last reference
/// goes, so what a `deinit` does with `next` decides how deep a release goes. The value-type alternative is the
/// `merge(_:_:)` overload on arrays.
public enum MergeTwoSortedLists {
    /// A LeetCode-style singly linked list node: a class, because merging
    /// relinks nodes and callers compare them by identity (`===`).
    public final class ListNode {
        public var val: Int
        public var next: ListNode?

        /// - Complexity: O(1).
        public init(_ val: Int, next: ListNode? = nil) {
            self.val = val
            self.next = next
        }

        // A deinit that released `next` from here would run the successor's deinit inside this
        // one: one stack frame per node. Unlink the uniquely owned tail in a loop instead, so a long
        // list frees in constant stack space. A node someone else still holds ends the walk.
        deinit {
            var rest = next
            next = nil
            while isKnownUniquelyReferenced(&rest), let node = rest {
                rest = node.next
                node.next = nil
            }
        }
    }

    /// Splices two sorted lists into one sorted list; list1's node comes
    /// first when values are equal. No node is allocated or copied.
    /// - Precondition: both lists are sorted in non-decreasing order.
    /// - Returns: the merged head, or `nil` when both lists are empty.
    /// - Complexity: O(n + m) time, O(1) extra space.
    public static func merge(_ list1: ListNode?, _ list2: ListNode?) -> ListNode? {
        let dummy = ListNode(0)
        var tail = dummy
        var first = list1
        var second = list2
        while let a = first, let b = second {
            if a.val <= b.val {
                tail.next = a
                tail = a
                first = a.next
            } else {
                tail.next = b
                tail = b
                second = b.next
            }
        }
        tail.next = first ?? second
        return dummy.next
    }

    /// The pitfall, as the Go seed wrote it: `<` instead of `<=`, so on equal
    /// values list2's node is taken first. Sorted, but not stable.
    /// - Complexity: O(n + m) time, O(1) extra space.
    public static func mergeTakingList2OnTies(_ list1: ListNode?, _ list2: ListNode?) -> ListNode? {
        let dummy = ListNode(0)
        var tail = dummy
        var first = list1
        var second = list2
        while let a = first, let b = second {
            if a.val < b.val {
                tail.next = a
                tail = a
                first = a.next
            } else {
                tail.next = b
                tail = b
                second = b.next
            }
        }
        tail.next = first ?? second
        return dummy.next
    }

    /// The value-type alternative: merge two sorted arrays into a new one,
    /// stably (the first array's element first on ties).
    /// - Precondition: both arrays are sorted by `<`.
    /// - Complexity: O(n + m) time and space.
    public static func merge<Element: Comparable>(_ first: [Element], _ second: [Element]) -> [Element] {
        var merged: [Element] = []
        merged.reserveCapacity(first.count + second.count)
        var i = first.startIndex
        var j = second.startIndex
        while i < first.endIndex && j < second.endIndex {
            if first[i] <= second[j] {
                merged.append(first[i])
                i += 1
            } else {
                merged.append(second[j])
                j += 1
            }
        }
        merged.append(contentsOf: first[i...])
        merged.append(contentsOf: second[j...])
        return merged
    }

    /// Builds a list holding `values` in order.
    /// - Returns: the head, or `nil` for no values.
    /// - Complexity: O(n).
    public static func makeList(_ values: [Int]) -> ListNode? {
        var head: ListNode?
        for value in values.reversed() {
            head = ListNode(value, next: head)
        }
        return head
    }

    /// The nodes of the list starting at `head`, in order.
    /// - Precondition: the list has no cycle.
    /// - Complexity: O(n).
    public static func nodes(of head: ListNode?) -> [ListNode] {
        var nodes: [ListNode] = []
        var current = head
        while let node = current {
            nodes.append(node)
            current = node.next
        }
        return nodes
    }

    /// The values of the list starting at `head`, in order.
    /// - Precondition: the list has no cycle.
    /// - Complexity: O(n).
    public static func values(of head: ListNode?) -> [Int] {
        nodes(of: head).map(\.val)
    }
}
