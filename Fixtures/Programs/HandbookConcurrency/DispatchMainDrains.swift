// The fix when `main` must stay synchronous: finish set-up without waiting
// for async work, then hand the main thread to Dispatch with
// `dispatchMain()`, which never returns and drains the main queue from then
// on. The watchdog only turns a regression into an answer instead of a hang.
import Foundation

@main
struct Server {
    static func main() {
        DispatchQueue.global().asyncAfter(deadline: .now() + .seconds(5)) {
            print("main-actor job never ran")
            exit(1)
        }
        Task { @MainActor in
            print("main-actor job ran")
            exit(0)
        }
        dispatchMain()
    }
}
