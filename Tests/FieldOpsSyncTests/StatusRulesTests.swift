import FieldOpsModel
import FieldOpsSync
import Testing

/// The protocol's status rules without a database: what a reported status does to the order as the server has it.
@Suite struct StatusRulesTests {
    let anna = TechnicianID(rawValue: "T1")
    let ben = TechnicianID(rawValue: "T2")

    func state(_ status: WorkOrderStatus, _ holder: TechnicianID?, version: Int64 = 2) -> StatusRules.OrderState {
        .init(status: status, technicianId: holder, assignmentVersion: version)
    }

    /// Every pair of statuses: a path, when there is one, starts at the order's status, moves one legal step at a
    /// time through en route and on site only, and ends at the requested status.
    @Test func forwardPathsAreLegalStepsThroughTheWorkOnly() {
        for from in WorkOrderStatus.allCases {
            for to in WorkOrderStatus.allCases where to != from {
                guard let path = StatusRules.forwardPath(from: from, to: to) else {
                    #expect(!from.successors.contains(to), "\(from) → \(to) is one legal step, yet no path")
                    continue
                }
                #expect(path.last == to)
                var here = from
                for step in path {
                    #expect(here.successors.contains(step), "\(here) → \(step) in \(from) → \(to)")
                    here = step
                }
                #expect(path.dropLast().allSatisfy { $0 == .enRoute || $0 == .onSite }, "\(path)")
            }
        }
    }

    @Test func theHolderMovesForwardAndNeverBack() {
        let skipped = StatusRules.decide(requested: .resolved, basis: 2, reporter: anna, holderAtBasis: anna, order: state(.dispatched, anna))
        #expect(skipped == .apply(path: [.onSite, .resolved], exception: nil, reassignBack: false), "offline steps are filled in")
        let backwards = StatusRules.decide(requested: .enRoute, basis: 2, reporter: anna, holderAtBasis: anna, order: state(.onSite, anna))
        guard case .reject(let rejection, let recorded) = backwards else {
            Issue.record("going back from on site applied: \(backwards)")
            return
        }
        #expect(rejection.code == "illegal_transition" && !recorded)
    }

    /// Whoever never held the order at the basis gets `not_assigned`, whatever the basis says.
    @Test(arguments: [Int64(0), 1, 2])
    func aStrangerIsNotAssignedWhateverTheBasis(basis: Int64) {
        let decision = StatusRules.decide(requested: .onSite, basis: basis, reporter: ben, holderAtBasis: anna, order: state(.enRoute, anna))
        #expect(decision == .reject(.notAssigned, recordInHistory: false))
    }

    @Test func aBasisTheOrderNeverHadIsInvalid() {
        for basis in [Int64(-1), 3, 99] {
            let decision = StatusRules.decide(requested: .onSite, basis: basis, reporter: anna, holderAtBasis: nil, order: state(.dispatched, anna))
            guard case .reject(let rejection, _) = decision else {
                Issue.record("basis \(basis) applied")
                continue
            }
            #expect(rejection.code == "invalid_basis")
        }
    }

    /// Reassigned while the device was offline: physical facts are kept with an exception and the order comes
    /// back unless the new holder started it; intentions are refused and written to the history.
    @Test func theReassignmentRace() {
        let back = StatusRules.decide(requested: .onSite, basis: 1, reporter: anna, holderAtBasis: anna, order: state(.dispatched, ben))
        guard case .apply(let path, let exception, let reassignBack) = back else {
            Issue.record("an on-site fact was refused: \(back)")
            return
        }
        #expect(path == [.onSite] && exception?.code == "reassignment_conflict" && reassignBack)
        let started = StatusRules.decide(requested: .resolved, basis: 1, reporter: anna, holderAtBasis: anna, order: state(.onSite, ben))
        guard case .apply(_, let startedException, let startedBack) = started else {
            Issue.record("a resolved fact was refused: \(started)")
            return
        }
        #expect(startedException?.code == "reassignment_conflict" && !startedBack, "the new holder keeps work it has started")
        let intention = StatusRules.decide(requested: .enRoute, basis: 1, reporter: anna, holderAtBasis: anna, order: state(.dispatched, ben))
        guard case .reject(let rejection, let recorded) = intention else {
            Issue.record("en route applied to someone else's order")
            return
        }
        #expect(rejection.code == "reassigned" && recorded)
    }
}
