import Testing

/// Asserts that the object built by `make` is freed once `body` is done with it.
///
/// ARC frees an object the moment its last strong reference goes away, so a
/// weak probe that is still non-nil after the scope proves a leak (usually a
/// retain cycle or a task that still holds the object).
///
/// ```swift
/// expectDeallocated { Parent() } use: { parent in parent.child = Child(parent) }
/// ```
public func expectDeallocated<Object: AnyObject>(
    _ make: () -> Object,
    use body: (Object) throws -> Void,
    sourceLocation: SourceLocation = #_sourceLocation
) rethrows {
    weak var probe: Object?
    try {
        let object = make()
        probe = object
        try body(object)
    }()
    #expect(
        probe == nil, "expected the object to be deallocated; something still holds it", sourceLocation: sourceLocation)
}

/// Returns whether the object built by `make` is still alive after `body` ran.
///
/// The mirror image of ``expectDeallocated(_:use:sourceLocation:)``, for tests
/// that demonstrate a leak on purpose (a retain cycle) and assert that it leaks.
public func isStillAlive<Object: AnyObject>(
    after make: () -> Object,
    use body: (Object) throws -> Void
) rethrows -> Bool {
    weak var probe: Object?
    try {
        let object = make()
        probe = object
        try body(object)
    }()
    return probe != nil
}

/// ``expectDeallocated(_:use:sourceLocation:)`` for an object nobody uses.
public func expectDeallocated<Object: AnyObject>(
    _ make: () -> Object,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    expectDeallocated(make, use: { _ in }, sourceLocation: sourceLocation)
}
