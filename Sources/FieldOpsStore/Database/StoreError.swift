/// A dispatcher or device request the store refuses, with a code for programs and a message for people.
public struct StoreError: Error, Hashable, Sendable, CustomStringConvertible {
    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }

    /// What the refusal is, as a value: callers switch on `kind` (the server picks the HTTP status from it) and
    /// show `name` (the wire code, as in the API documents). Modelled on swift-nio's `FileSystemError.Code`.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// The wire code: `unknown_token`.
        public let name: String
        public let kind: Kind

        private init(_ name: String, _ kind: Kind) {
            self.name = name
            self.kind = kind
        }

        public var description: String { name }

        public enum Kind: Hashable, Sendable {
            /// The request itself is malformed (an empty device id, a validity out of range).
            case invalidArgument
            /// What it names does not exist (or is not the caller's to see).
            case notFound
            /// The caller may not do this.
            case forbidden
            /// Well formed, but the state of the books does not allow it.
            case refused
        }

        public static let invalidDevice = Code("invalid_device", .invalidArgument)
        public static let invalidValidity = Code("invalid_validity", .invalidArgument)
        public static let invalidRequest = Code("invalid_request", .invalidArgument)
        public static let invalidCSAT = Code("invalid_csat", .invalidArgument)
        public static let unknownToken = Code("unknown_token", .notFound)
        public static let unknownWorkOrder = Code("unknown_work_order", .refused)
        public static let unknownTechnician = Code("unknown_technician", .refused)
        public static let deviceBoundElsewhere = Code("device_bound_elsewhere", .forbidden)
        public static let cannotReassign = Code("cannot_reassign", .refused)
        public static let illegalTransition = Code("illegal_transition", .refused)
    }
}
