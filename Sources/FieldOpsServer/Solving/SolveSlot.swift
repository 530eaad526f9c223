import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Runs one optimization at a time on a thread of its own. The search is CPU-bound for up to a minute; on the
/// shared concurrency pool it would take one of the two threads that serve every device (two optimizes took
/// both). Its thread also runs at a lower scheduling priority, so device pushes and pulls go first.
final class SolveSlot: Sendable {
    private let busy = Mutex(false)

    /// The work's result, or nil when another optimization is already running (the caller answers 409).
    func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T? {
        let taken = busy.withLock { busy in
            if busy { return false }
            busy = true
            return true
        }
        guard taken else { return nil }
        defer { busy.withLock { $0 = false } }
        return await withCheckedContinuation { continuation in
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
