// A server's entry point reduced to the bug: a synchronous `main` blocks
// its thread until main-actor work has run. Main-actor jobs run only when
// the main queue is drained, which this `main` would do only after it
// returns, so the job cannot start while it waits. The wait is bounded
// (300 ms) so that the test ends; unbounded, the process hangs for ever.
import Dispatch

@main
struct Server {
    static func main() {
        let setUp = DispatchSemaphore(value: 0)
        Task { @MainActor in setUp.signal() }  // any main-actor set-up step
        let outcome = setUp.wait(timeout: .now() + .milliseconds(300))
        print(outcome == .success ? "main-actor job ran" : "main-actor job never ran")
    }
}
