// Must not compile: two-phase initialization. A subclass sets its own stored
// properties first (phase 1) and only then calls super.init; otherwise the
// superclass could call an override that reads an unset property.
class Connection {
    let host: String

    init(host: String) {
        self.host = host
    }
}

final class TLSConnection: Connection {
    var certificate: String

    init(host: String, certificate: String) {
        super.init(host: host)
        self.certificate = certificate
    }
}
