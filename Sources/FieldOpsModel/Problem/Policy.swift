/// The rules a problem is planned under.
public struct Policy: Hashable, Sendable, Codable {
    public var sla: SLAPolicy
    public var weights: ScoreWeights
    /// ISO 4217 code of the currency that costs are in (minor units).
    public var currency: String

    public init(sla: SLAPolicy = SLAPolicy(), weights: ScoreWeights = ScoreWeights(), currency: String = "EUR") {
        self.sla = sla
        self.weights = weights
        self.currency = currency
    }
}
