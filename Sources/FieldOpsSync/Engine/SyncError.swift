/// A push or pull the protocol refuses as a whole, before anything changes (a mutation that cannot apply is an
/// outcome instead, and the push goes on).
public struct SyncError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Code: String, Hashable, Sendable {
        /// The device id is empty or longer than 200 characters.
        case invalidDevice = "invalid_device"
        /// The device is bound to another technician.
        case deviceBoundElsewhere = "device_bound_elsewhere"
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
