// A closure parameter is non-escaping unless marked @escaping: the caller may
// have put its context on the stack. Storing it anywhere that outlives the
// call (an array, a property, a global) is rejected.
final class Handlers {
    var all: [() -> Void] = []

    func register(_ g: () -> Void) {
        all.append(g)  // error: converting non-escaping parameter 'g' ... may allow it to escape
    }
}
