/// When the customer must see a technician on site (first response) and when the work must be resolved.
public struct SLADeadlines: Hashable, Sendable, Codable {
    public var firstResponse: Instant
    public var resolution: Instant

    public init(firstResponse: Instant, resolution: Instant) {
        self.firstResponse = firstResponse
        self.resolution = resolution
    }
}
