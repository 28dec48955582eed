/// Valid Parentheses (LeetCode 20): a string's brackets are balanced when a
/// stack of expected closers empties exactly, closing each bracket in order.
///
/// ```swift
/// ValidParentheses.isValid("()[]{}")  // true
/// ValidParentheses.isValid("([)]")    // false: closed in the wrong order
/// ValidParentheses.isValid("(a)")     // true: letters are ignored (the policy)
/// ValidParentheses.isValid("a)")      // false: a closer with nothing open
/// ```
///
/// ## The problem
/// Given a string of the brackets `()[]{}`, decide whether every opener is
/// closed by the same kind of bracket, in the right order, and every closer
/// has an opener. The empty string is valid.
///
/// **Policy for other characters:** LeetCode's input holds brackets only.
/// This version *ignores* every other character, so it also answers "are the
/// brackets in this expression balanced?": `"(a)"` is valid, `"a)"` is not
/// (the `)` has no opener), and `"abc"` is valid (no brackets at all).
///
/// ## Approach
/// Scan the characters. On an opener, push the closer it expects. On a
/// closer, pop and require a match: an empty stack or a different expected
/// closer means invalid. At the end the stack must be empty (nothing left
/// open). Pushing the expected *closer* rather than the opener saves a
/// lookup on every pop.
/// - Complexity: O(n) time, O(n) space for the stack in the worst case
///   (all openers).
///
/// ## Why interviewers ask this
/// It is the canonical "use a stack" problem: last opened, first closed.
/// Interviewers listen for the three ways to be invalid (wrong kind, nothing
/// to close, something left open) and for a deliberate answer to input the
/// statement did not promise.
///
/// ## Common pitfalls
/// - Forgetting the final check: `"(("` never pops, so "no mismatch seen"
///   is not the same as valid. The stack must also be empty.
/// - Popping an empty stack: `")"` must be invalid, not a crash. `popLast()`
///   returns `nil` here; `removeLast()` would trap.
/// - Counting brackets per kind instead of using a stack: `"([)]"` has
///   balanced counts but is invalid.
/// - Pushing everything that is not a closer
///   (``isValidTreatingOthersAsOpeners(_:)``, the Go seed's behaviour): a
///   letter becomes an opener, so `"(a)"` fails because `)` meets `a`, and
///   `"a"` alone is "unclosed". Decide a policy and write it down.
/// - Swift iterates `Character`s, not bytes: `"("` followed by a combining
///   mark (U+0301) is one grapheme that is *not* `"("`, so it is ignored as
///   a non-bracket. Iterate `unicodeScalars` or `utf8` if you want the raw
///   bracket.
///
/// ## Key takeaway
/// Push what you expect to see, pop and compare on every closer, and finish
/// with an empty stack. Write the policy for unexpected characters down and
/// test it.
///
/// ## Edges, audited
/// - Unicode: the scan reads `Character`s, so a bracket followed by a
///   combining mark (`"(\u{301}"`) is one non-bracket character and is
///   ignored, as documented and tested.
/// - Overflow: only the stack's size. Depth: an explicit stack, no recursion.
///
/// ## Go → Swift
/// The Go seed used a `[]rune` stack and a closer→opener map, and pushed
/// every non-closer, so letters counted as openers; this version ignores
/// them and keeps Go's behaviour only as the named pitfall. Go's
/// `stack[len(stack)-1]` plus re-slicing becomes `popLast()`, whose Optional
/// result folds the "stack is empty" check into the comparison.
public enum ValidParentheses {
    /// Whether every bracket in `text` is closed by its own kind, in order.
    /// Characters other than `()[]{}` are ignored.
    /// - Complexity: O(n) time, O(n) space.
    public static func isValid(_ text: String) -> Bool {
        var expectedClosers: [Character] = []
        for character in text {
            switch character {
            case "(": expectedClosers.append(")")
            case "[": expectedClosers.append("]")
            case "{": expectedClosers.append("}")
            case ")", "]", "}":
                guard expectedClosers.popLast() == character else { return false }
            default:
                continue  // the policy: anything that is not a bracket is ignored
            }
        }
        return expectedClosers.isEmpty
    }

    /// The pitfall, as the Go seed wrote it: every character that is not a
    /// closer is pushed as if it were an opener, so `"(a)"` is invalid.
    /// - Complexity: O(n) time, O(n) space.
    public static func isValidTreatingOthersAsOpeners(_ text: String) -> Bool {
        let openerFor: [Character: Character] = [")": "(", "]": "[", "}": "{"]
        var stack: [Character] = []
        for character in text {
            if let opener = openerFor[character] {
                guard stack.popLast() == opener else { return false }
            } else {
                stack.append(character)
            }
        }
        return stack.isEmpty
    }

    /// The oracle: drop the non-brackets, then delete adjacent `()`, `[]`
    /// and `{}` pairs until none is left; the brackets were valid when
    /// nothing remains. Obviously correct, and slow.
    /// - Complexity: O(n²) time, O(n) space.
    public static func isValidByRepeatedRemoval(_ text: String) -> Bool {
        var remaining = text.filter { "()[]{}".contains($0) }
        while true {
            let shorter = remaining.replacing("()", with: "").replacing("[]", with: "").replacing("{}", with: "")
            if shorter.count == remaining.count { return remaining.isEmpty }
            remaining = shorter
        }
    }
}
