// Must not compile: `Array` is a `Speaker` only where `Element: Speaker`, so
// an array of rocks has no `speak()`. Go has no conditional conformance at all.
protocol Speaker {
    func speak() -> String
}

struct Puppy: Speaker {
    func speak() -> String { "Woof" }
}

struct Rock {}

extension Array: Speaker where Element: Speaker {
    func speak() -> String {
        map { $0.speak() }.joined(separator: " ")
    }
}

func chorus() -> String {
    [Rock(), Rock()].speak()
}
