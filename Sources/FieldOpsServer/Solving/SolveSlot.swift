import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// One optimization at a time, from reading the problem to publishing the plan: a second one while it runs is
/// answered 409, and two plans never race to publish. The search itself is CPU-bound for up to a minute; on the
/// shared concurrency pool it would take one of the two threads that serve every device (two optimizes took
/// both), so it runs on a thread of its own, at a lower scheduling priority, so device pushes and pulls go first.
final class SolveSlot: Sendable {
    private let busy = Mutex(false)

    /// Whether an optimization holds the slot (the health endpoint says so).
    var isBusy: Bool { busy.withLock { $0 } }

    /// `body`'s result, or nil when another optimization holds the slot (the caller answers 409).
    func exclusively<T: Sendable>(_ body: () async throws -> T) async throws -> T? {
        let taken = busy.withLock { busy in
            if busy { return false }
            busy = true
            return true
        }
        guard taken else { return nil }
        defer { busy.withLock { $0 = false } }
        return try await body()
    }

    /// Runs CPU-bound `work` on a thread of its own at nice 10.
    static func onSearchThread<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            let thread = Thread {
                #if canImport(Glibc)
                // On Linux, nice values are per thread: who = 0 is the calling thread only.
                _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10)
                #endif
                continuation.resume(returning: work())
            }
            thread.stackSize = 16 << 20
            thread.start()
        }
    }
}
