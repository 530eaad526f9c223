import FieldOpsModel
import Testing

@Suite struct EscalationTests {
    /// P3 order: first response due 08:00 + 8 h = 16:00 (no calendar), at-risk margin 120 minutes.
    let order = Fixtures.order(priority: .p3, createdAt: "2026-11-23T08:00:00Z")
    let policy = SLAPolicy(escalationStepsMinutes: [60, 240])

    func at(_ time: String) -> Escalation { policy.escalation(of: order, at: Instant(rfc3339: time)!) }

    @Test func onTrackWellBeforeTheDeadline() {
        let escalation = at("2026-11-23T13:00:00Z")
        #expect(escalation.state == .onTrack)
        #expect(escalation.level == 0)
        #expect(escalation.clock == .firstResponse)
        #expect(escalation.minutesToDeadline == 180)
    }

    @Test func atRiskInsideTheMargin() {
        #expect(at("2026-11-23T14:00:00Z").state == .atRisk)
        #expect(at("2026-11-23T14:00:00Z").level == 1)
        #expect(at("2026-11-23T15:59:00Z").minutesToDeadline == 1)
        #expect(at("2026-11-23T13:59:00Z").state == .onTrack)
    }

    @Test func breachedLevelsRiseWithEachStep() {
        #expect(at("2026-11-23T16:00:00Z").state == .atRisk, "the deadline itself is not yet a breach")
        #expect(at("2026-11-23T16:01:00Z").state == .breached)
        #expect(at("2026-11-23T16:01:00Z").level == 2)
        #expect(at("2026-11-23T17:00:00Z").level == 3)
        #expect(at("2026-11-23T20:00:00Z").level == 4)
        #expect(at("2026-11-23T20:00:00Z").minutesToDeadline == -240)
    }

    @Test func theFirstResponseClockStopsOnSiteAndEverythingStopsWhenResolved() {
        var onSite = order
        onSite.status = .onSite
        let late = Instant(rfc3339: "2026-11-23T20:00:00Z")!
        let escalation = policy.escalation(of: onSite, at: late)
        #expect(escalation.clock == .resolution)
        #expect(escalation.state == .onTrack, "resolution is due in 3 days")
        for status in [WorkOrderStatus.resolved, .closed, .cancelled, .onHold, .pendingCallback] {
            var stopped = order
            stopped.status = status
            #expect(policy.escalation(of: stopped, at: late) == .onTrack)
        }
    }

    @Test func vipOrdersUseTheBumpedPrioritysMargin() {
        // P4 VIP → P3 targets and margin (120), not P4's (480).
        let vip = Fixtures.order(priority: .p4, vip: true, createdAt: "2026-11-23T08:00:00Z")
        let escalation = policy.escalation(of: vip, at: Instant(rfc3339: "2026-11-23T13:00:00Z")!)
        #expect(escalation.state == .onTrack)
        #expect(escalation.minutesToDeadline == 180)
    }
}
