/// How much each kind of cost weighs in the scheduler's score. Hard rules are not weighted: one broken rule is
/// one hard point. Medium and soft costs are integer points per unit named in the field.
public struct ScoreWeights: Hashable, Sendable, Codable {
    /// Medium level: points per unassigned order, by (effective) priority.
    public var unassigned: PerPriority<Int>
    /// Soft: per minute of driving.
    public var travelMinute: Int
    /// Soft: per minute a planned visit starts after the first-response deadline or ends after the resolution
    /// deadline, by priority.
    public var slaLateMinute: PerPriority<Int>
    /// Soft: per minute worked past the shift end (within the overtime allowance).
    public var overtimeMinute: Int
    /// Soft: per minute of difference between a technician's working minutes and the team mean.
    public var imbalanceMinute: Int
    /// Soft: per order not given to one of its preferred technicians.
    public var preferredMiss: Int
    /// Soft: per skill level above what the order needs (keeps experts for the hard jobs).
    public var overqualificationLevel: Int
    /// Soft: per order outside the technician's territories.
    public var outOfTerritory: Int
    /// Soft, when re-optimizing a published plan: per order moved to another technician or retimed.
    public var planChange: Int

    public init(
        unassigned: PerPriority<Int> = PerPriority(p1: 100_000, p2: 30_000, p3: 10_000, p4: 3_000),
        travelMinute: Int = 10,
        slaLateMinute: PerPriority<Int> = PerPriority(p1: 200, p2: 80, p3: 20, p4: 5),
        overtimeMinute: Int = 30,
        imbalanceMinute: Int = 1,
        preferredMiss: Int = 300,
        overqualificationLevel: Int = 20,
        outOfTerritory: Int = 200,
        planChange: Int = 500
    ) {
        self.unassigned = unassigned
        self.travelMinute = travelMinute
        self.slaLateMinute = slaLateMinute
        self.overtimeMinute = overtimeMinute
        self.imbalanceMinute = imbalanceMinute
        self.preferredMiss = preferredMiss
        self.overqualificationLevel = overqualificationLevel
        self.outOfTerritory = outOfTerritory
        self.planChange = planChange
    }
}
