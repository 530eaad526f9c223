import FieldOpsModel
import Foundation

/// How `fieldops serve` listens and what it accepts.
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// Largest request body accepted; larger ones get 413.
    public var maxBodyBytes: Int
    /// The server's clock (a fixed one in tests).
    public var clock: @Sendable () -> Instant

    public init(host: String = "127.0.0.1", port: Int = 8080, maxBodyBytes: Int = 1_048_576, clock: @escaping @Sendable () -> Instant = { Instant(Date()) }) {
        self.host = host
        self.port = port
        self.maxBodyBytes = maxBodyBytes
        self.clock = clock
    }
}
