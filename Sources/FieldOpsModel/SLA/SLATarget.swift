/// Which clock an SLA runs on.
public enum SLAClock: String, Sendable, Codable, CaseIterable {
    /// Around the clock, every day.
    case allHours = "24x7"
    /// Only inside the policy's business calendar (round the clock when the policy has none).
    case businessHours = "business"
}

/// The targets for one priority.
public struct SLATarget: Hashable, Sendable, Codable {
    /// Time until a technician is on site.
    public var firstResponse: SLADuration
    public var resolution: SLADuration
    /// An order is at risk when a deadline is this many minutes away or less.
    public var atRiskMarginMinutes: Int
    public var clock: SLAClock

    public init(firstResponse: SLADuration, resolution: SLADuration, atRiskMarginMinutes: Int, clock: SLAClock) {
        self.firstResponse = firstResponse
        self.resolution = resolution
        self.atRiskMarginMinutes = atRiskMarginMinutes
        self.clock = clock
    }
}
