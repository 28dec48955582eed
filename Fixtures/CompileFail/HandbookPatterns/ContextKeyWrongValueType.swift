// Middleware lesson: a typed context key names its value's type, so storing
// the wrong type is a compile error. Go's `context.WithValue(ctx, "role",
// "admin")` accepts anything and the mistake surfaces as a failed type
// assertion at run time.

protocol ContextKey {
    associatedtype Value: Sendable
}

enum Role: String, Sendable {
    case admin
    case user
}

enum RoleKey: ContextKey {
    typealias Value = Role
}

struct Context: Sendable {
    private var values: [ObjectIdentifier: any Sendable] = [:]

    subscript<Key: ContextKey>(_ key: Key.Type) -> Key.Value? {
        get { values[ObjectIdentifier(key)] as? Key.Value }
        set { values[ObjectIdentifier(key)] = newValue }
    }
}

func authenticate(_ context: inout Context, header: String) {
    context[RoleKey.self] = header  // a String where a Role belongs
}
