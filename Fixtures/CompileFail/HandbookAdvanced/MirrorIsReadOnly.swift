// Must not compile: Mirror only reads. There is no counterpart of Go's
// reflect.Value.Set; write through a WritableKeyPath (or decode with Codable).
struct Config {
    var host: String
}

func rename(_ config: Config) {
    let mirror = Mirror(reflecting: config)
    let index = mirror.children.startIndex
    mirror.children[index].value = "example.com"
}
