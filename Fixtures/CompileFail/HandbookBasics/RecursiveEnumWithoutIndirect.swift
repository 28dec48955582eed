// Must not compile: an enum that contains itself would have infinite size.
// `indirect` stores the recursive payload in a heap box.
enum Expression {
    case number(Int)
    case add(Expression, Expression)
}
