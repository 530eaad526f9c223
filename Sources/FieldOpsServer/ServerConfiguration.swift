import FieldOpsModel
import Foundation

/// How `fieldops serve` listens and what it accepts.
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// Largest request body accepted; larger ones get 413.
    public var maxBodyBytes: Int
    /// A connection that sends nothing for this long is closed (between requests or in the middle of one).
    public var idleTimeoutSeconds: Int
    /// A request's head and body must arrive within this long.
    public var readTimeoutSeconds: Int
    /// Threads for the dispatcher's optimize (see `SolverOptions.threads`).
    public var searchThreads: Int
    /// The server's clock (a fixed one in tests).
    public var clock: @Sendable () -> Instant

    public init(
        host: String = "127.0.0.1", port: Int = 8080, maxBodyBytes: Int = 1_048_576, idleTimeoutSeconds: Int = 30,
        readTimeoutSeconds: Int = 60, searchThreads: Int = 1, clock: @escaping @Sendable () -> Instant = { Instant(Date()) }
    ) {
        self.host = host
        self.port = port
        self.maxBodyBytes = maxBodyBytes
        self.idleTimeoutSeconds = idleTimeoutSeconds
        self.readTimeoutSeconds = readTimeoutSeconds
        self.searchThreads = searchThreads
        self.clock = clock
    }
}
