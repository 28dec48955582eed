import HandbookLeetCode
import PropertyBased
import Testing

@Suite("Valid Parentheses (LeetCode 20)")
struct ValidParenthesesTests {
    @Test(
        "LeetCode's published examples and the classic cases",
        arguments: [
            ("()", true),  // LeetCode example 1
            ("()[]{}", true),  // LeetCode example 2
            ("(]", false),  // LeetCode example 3: wrong kind
            ("([])", true),  // LeetCode example 4: nested
            ("([)]", false),  // LeetCode example 5: balanced counts, wrong order
            ("{[]}", true),
            ("", true),  // empty: nothing to close
            ("(", false),  // left open
            (")", false),  // nothing to close
        ])
    func publishedExamples(text: String, expected: Bool) {
        #expect(ValidParentheses.isValid(text) == expected)
    }

    @Test("something left open is invalid even when no closer ever mismatched")
    func unclosedOpenersAreInvalid() {
        #expect(!ValidParentheses.isValid("(("))
        #expect(!ValidParentheses.isValid("{[()]"))
        #expect(!ValidParentheses.isValid("()("))
        #expect(ValidParentheses.isValid("((()))[]{{}}"))
    }

    @Test("a closer with nothing open is invalid, not a crash")
    func unmatchedCloserIsInvalid() {
        #expect(!ValidParentheses.isValid("]"))
        #expect(!ValidParentheses.isValid("())"))
        #expect(!ValidParentheses.isValid("}{"))
    }

    @Test(
        "the policy: characters other than brackets are ignored",
        arguments: [
            ("(a)", true),
            ("a)", false),  // the ) still has no opener
            ("a", true),  // no brackets at all
            ("f(x[0]) + {y}", true),
            ("(a]", false),
            ("🙂(é)", true),
        ])
    func nonBracketsAreIgnored(text: String, expected: Bool) {
        #expect(ValidParentheses.isValid(text) == expected)
    }

    @Test("the pitfall: Go's version pushes letters as openers, so (a) and a fail")
    func goVersionTreatsLettersAsOpeners() {
        #expect(!ValidParentheses.isValidTreatingOthersAsOpeners("(a)"))
        #expect(!ValidParentheses.isValidTreatingOthersAsOpeners("a"))
        #expect(!ValidParentheses.isValidTreatingOthersAsOpeners("a)"))
        // On bracket-only input the two agree: the bug hides until someone passes an expression.
        #expect(ValidParentheses.isValidTreatingOthersAsOpeners("([]){}"))
        #expect(!ValidParentheses.isValidTreatingOthersAsOpeners("([)]"))
    }

    @Test("a bracket followed by a combining mark is a different Character, so it is ignored")
    func combiningMarkMakesANewCharacter() {
        let openerWithAccent = "(\u{301}"
        #expect(openerWithAccent.count == 1)
        #expect(openerWithAccent != "(")
        #expect(!ValidParentheses.isValid(openerWithAccent + ")"), "only the ) is a bracket, and it has no opener")
    }

    @Test("agrees with repeated removal of (), [] and {} on 1,000 random strings")
    func matchesRepeatedRemovalOracle() async {
        let character = Gen.element(of: Array("()[]{}a")).map { $0 ?? "a" }
        await propertyCheck(count: 1_000, input: character.array(of: 0...12)) { characters in
            let text = String(characters)
            #expect(
                ValidParentheses.isValid(text) == ValidParentheses.isValidByRepeatedRemoval(text), "\(text)")
        }
    }

    @Test("every string built by inserting bracket pairs into a valid string is valid (1,000 cases)")
    func constructedBalancedStringsAreValid() async {
        let pair = Gen.element(of: ["()", "[]", "{}"]).map { $0 ?? "()" }
        let step = zip(pair, Gen.int(in: 0...20))
        await propertyCheck(count: 1_000, input: step.array(of: 0...10)) { steps in
            var characters: [Character] = []
            for (brackets, position) in steps {
                characters.insert(contentsOf: brackets, at: position % (characters.count + 1))
            }
            let text = String(characters)
            #expect(ValidParentheses.isValid(text), "\(text)")
            #expect(ValidParentheses.isValidByRepeatedRemoval(text), "\(text)")
            if characters.popLast() != nil {
                #expect(!ValidParentheses.isValid(String(characters)), "dropping the last closer leaves one open")
            }
        }
    }
}
