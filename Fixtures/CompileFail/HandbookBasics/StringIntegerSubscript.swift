// Must not compile: a String's characters have varying widths, so it cannot
// be indexed by Int in O(1). Go's s[4] (a byte) has no Swift spelling; walk
// to a String.Index, or say which view you mean (s.utf8).
func fifthCharacter(of text: String) -> Character {
    text[4]
}
