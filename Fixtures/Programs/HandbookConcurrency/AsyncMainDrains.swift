// The fix: an `async` main. Its `await` gives the main actor back, and the
// runtime drains the main queue (on Linux it calls `dispatch_main()`), so
// the main-actor job runs. The watchdog only turns a regression into an
// answer instead of a hang.
import Foundation

@main
struct Server {
    static func main() async {
        DispatchQueue.global().asyncAfter(deadline: .now() + .seconds(5)) {
            print("main-actor job never ran")
            exit(1)
        }
        let setUp = Task { @MainActor in "main-actor job ran" }
        print(await setUp.value)
    }
}
