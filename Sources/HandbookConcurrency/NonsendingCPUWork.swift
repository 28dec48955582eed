import Foundation

/// CPU-bound helpers under `NonisolatedNonsendingByDefault`: a plain
/// `nonisolated async` function called from an actor runs *on* that actor
/// and holds it until its next `await` (CPU work with no suspension point:
/// until it returns); `@concurrent` sends it to the global pool.
///
/// ```swift
/// let store = NonsendingCPUWork.DocumentStore(documents: largePayload)
/// Task { await store.fingerprintHoldingTheActor() }  // digests ON the actor: a count() now waits for it
/// Task { await store.fingerprintOffTheActor() }      // digests on the pool: the actor stays free
/// let documents = await store.count()
/// ```
///
/// ## Why interviewers ask this
/// SE-0461 (Swift 6.2) changed what `nonisolated` means for `async`
/// functions once the `NonisolatedNonsendingByDefault` upcoming feature is
/// on (it is in this package; a future language mode makes it the default).
/// Such a function now runs on its caller's actor, like a synchronous call
/// up to its first `await`. That is cheaper (no hop, non-`Sendable` arguments
/// allowed), but a helper that used to leave the actor, such as hashing a
/// payload, JSON-encoding a large response or sorting a big array, now does
/// its CPU work while holding the actor, and every other call to that actor
/// queues behind it. The migration question is "which helpers must become
/// `@concurrent`?".
///
/// ## Common pitfalls
/// - Reading `nonisolated` as "off the actor". Under the feature a plain
///   `nonisolated async` helper reports the calling actor as `#isolation`
///   (``fingerprint(of:progress:)``); only `@concurrent`
///   (``fingerprintConcurrently(of:progress:)``) reports `nil`.
/// - CPU-bound work in such a helper. It cannot be interleaved: there is no
///   `await` inside it, so the actor is held from the first byte to the last
///   and a cheap `count()` from another caller waits for the whole encode.
/// - Forgetting that async *closure types* follow the same rule: a stored
///   `@Sendable ([Document]) async -> Fingerprint` runs on the actor that
///   calls it; write `@concurrent` in the type when it should leave
///   (``IsolationInheritance`` covers closures in depth).
/// - Overcorrecting. `@concurrent` costs a hop off the actor and, when the
///   method has actor work left after the call, another back onto it (a
///   nonsending call costs neither), and its arguments and result must be
///   `Sendable`. Keep short helpers nonsending; move the ones whose
///   run time grows with the input.
/// - Reaching for `Task.detached` to get off the actor: it also drops
///   priority, task-locals and cancellation, and is unstructured.
///
/// ## Key takeaway
/// `nonisolated async` + `NonisolatedNonsendingByDefault` = runs on the
/// caller's actor. Mark CPU-heavy async helpers `@concurrent` so the actor
/// only pays for the hop; assert with `#isolation` where a helper ends up.
///
/// ## Go → Swift
/// Go has no actors; the same bug there is doing heavy work while holding a
/// mutex (`mu.Lock(); b, _ := json.Marshal(big); mu.Unlock()`), which stalls
/// every goroutine waiting for `mu`. In Swift the lock is implicit: calling
/// a nonsending helper from an actor keeps holding it until the helper
/// suspends.
public enum NonsendingCPUWork {
    /// One record of the payload the helpers encode.
    public struct Document: Codable, Hashable, Sendable {
        public var id: Int
        public var body: String

        public init(id: Int, body: String) {
            self.id = id
            self.body = body
        }
    }

    /// A digest of a payload, and the isolation the helper ran with
    /// (`#isolation` inside it): the caller's actor, or `nil` off every actor.
    public struct Fingerprint: Sendable {
        public let value: UInt64
        public let isolation: (any Actor)?
    }

    /// Called with `0` before the first document and with `n` after the
    /// n-th, synchronously, from inside the CPU-bound loop.
    public typealias Progress = @Sendable (_ documentsDone: Int) -> Void

    /// The CPU-bound core: JSON-encodes each document (sorted keys, so the
    /// bytes are stable) and folds the bytes into a 64-bit FNV-1a hash.
    ///
    /// - Complexity: O(total encoded bytes), with no suspension point.
    public static func digest(of documents: [Document], progress: Progress = { _ in }) -> UInt64 {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        progress(0)
        for (index, document) in documents.enumerated() {
            // Encoding a Codable struct cannot fail; a failure would be a bug in Foundation.
            guard let bytes = try? encoder.encode(document) else { preconditionFailure("encoding \(document) failed") }
            for byte in bytes {
                hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            }
            progress(index + 1)
        }
        return hash
    }

    /// The pitfall: a nonisolated async helper. `nonisolated(nonsending)` is
    /// what a plain `async` function means in this package; it is spelled out
    /// so the lesson reads the same without the flag. Called from an actor it
    /// runs on that actor, so the actor is held for the whole digest.
    nonisolated(nonsending) public static func fingerprint(
        of documents: [Document], progress: Progress = { _ in }
    ) async -> Fingerprint {
        Fingerprint(value: digest(of: documents, progress: progress), isolation: #isolation)
    }

    /// The fix: `@concurrent` always switches to the global concurrent
    /// executor (or the task's preferred executor), so the calling actor is
    /// free while the digest runs and takes the result back after one hop.
    @concurrent public static func fingerprintConcurrently(
        of documents: [Document], progress: Progress = { _ in }
    ) async -> Fingerprint {
        Fingerprint(value: digest(of: documents, progress: progress), isolation: #isolation)
    }

    /// A default actor that owns documents and fingerprints them both ways.
    public actor DocumentStore {
        public private(set) var documents: [Document]

        public init(documents: [Document]) {
            self.documents = documents
        }

        /// A cheap call that has to wait whenever the actor is held.
        public func count() -> Int { documents.count }

        public func add(_ document: Document) { documents.append(document) }

        /// The digest of the latest fingerprint call.
        public private(set) var lastDigest: UInt64?

        /// Holds the actor for the whole digest.
        public func fingerprintHoldingTheActor(progress: Progress = { _ in }) async -> Fingerprint {
            let fingerprint = await NonsendingCPUWork.fingerprint(of: documents, progress: progress)
            lastDigest = fingerprint.value
            return fingerprint
        }

        /// Leaves the actor for the digest; other calls run meanwhile. Storing
        /// the result afterwards is actor work again: one hop back.
        public func fingerprintOffTheActor(progress: Progress = { _ in }) async -> Fingerprint {
            let fingerprint = await NonsendingCPUWork.fingerprintConcurrently(of: documents, progress: progress)
            lastDigest = fingerprint.value
            return fingerprint
        }

        /// Calls a stored step: without `@concurrent` in its type it runs here.
        public func fingerprint(using step: @Sendable ([Document]) async -> Fingerprint) async -> Fingerprint {
            await step(documents)
        }

        /// The same with a `@concurrent` closure type: it leaves the actor.
        public func fingerprint(
            usingConcurrent step: @concurrent @Sendable ([Document]) async -> Fingerprint
        ) async -> Fingerprint {
            await step(documents)
        }
    }
}
