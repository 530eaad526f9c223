/// A dispatcher or device request the store refuses, with a code for programs and a message for people.
public struct StoreError: Error, Hashable, Sendable, CustomStringConvertible {
    public var code: String
    public var message: String

    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
