// Must not compile: a switch over an enum must cover every case. Add a state
// to a machine and the compiler lists every switch that forgot it (unless a
// `default:` clause hides the gap).
enum ConnectionState {
    case disconnected
    case connecting
    case connected
    case draining
}

func status(of state: ConnectionState) -> String {
    switch state {
    case .disconnected: "offline"
    case .connecting: "connecting"
    case .connected: "online"
    }
}
