import FieldOpsModel
import Testing

/// The lifecycle as the product defines it, written out independently of the model's table.
let legalTransitions: Set<String> = [
    "new>dispatched", "new>onHold", "new>cancelled",
    "dispatched>new", "dispatched>enRoute", "dispatched>onSite", "dispatched>onHold", "dispatched>cancelled",
    "enRoute>dispatched", "enRoute>onSite", "enRoute>onHold", "enRoute>cancelled",
    "onSite>resolved", "onSite>onHold",
    "resolved>pendingCallback", "resolved>closed", "resolved>reopened",
    "pendingCallback>closed", "pendingCallback>reopened",
    "closed>reopened",
    "onHold>new", "onHold>dispatched", "onHold>enRoute", "onHold>onSite", "onHold>cancelled",
    "reopened>dispatched", "reopened>onHold", "reopened>cancelled",
]

let allPairs: [(WorkOrderStatus, WorkOrderStatus)] = WorkOrderStatus.allCases.flatMap { from in
    WorkOrderStatus.allCases.map { (from, $0) }
}

@Suite struct LifecycleTests {
    @Test(arguments: allPairs)
    func transitionIsAllowedExactlyWhenTheLifecycleSaysSo(from: WorkOrderStatus, to: WorkOrderStatus) throws {
        var order = Fixtures.order(status: from)
        let time = Instant(rfc3339: "2026-11-23T09:00:00Z")!
        if legalTransitions.contains("\(from)>\(to)") {
            let event = try order.transition(to: to, actor: "disp-anna", source: .dispatcher, at: time, note: "ok")
            #expect(order.status == to)
            #expect(event == AuditEvent(
                workOrder: order.number, actor: "disp-anna", source: .dispatcher, time: time, from: from, to: to, note: "ok"))
        } else {
            let error = #expect(throws: IllegalTransition.self) {
                try order.transition(to: to, actor: "T001", source: .technicianDevice, at: time)
            }
            #expect(order.status == from, "a refused transition leaves the order as it was")
            let message = error?.description ?? ""
            #expect(message.contains("from \(from) to \(to)"), "names both states: \(message)")
            #expect(error?.code == "illegal_transition")
        }
    }

    @Test func theHappyPathReachesClosedWithOneEventPerStep() throws {
        var order = Fixtures.order(status: .new)
        var events: [AuditEvent] = []
        let steps: [(WorkOrderStatus, ChangeSource)] = [
            (.dispatched, .optimizerRun), (.enRoute, .technicianDevice), (.onSite, .technicianDevice),
            (.resolved, .technicianDevice), (.pendingCallback, .dispatcher), (.closed, .dispatcher),
        ]
        for (index, (status, source)) in steps.enumerated() {
            events.append(try order.transition(
                to: status, actor: "actor\(index)", source: source, at: Instant(secondsSinceEpoch: Int64(index) * 60)))
        }
        #expect(order.status == .closed)
        #expect(events.map(\.to) == steps.map(\.0))
        #expect(events.map(\.from) == [.new] + steps.dropLast().map(\.0))
        #expect(events.map(\.source) == steps.map(\.1))
    }

    @Test func cancelledIsFinalAndSaysSo() {
        var order = Fixtures.order(status: .cancelled)
        let error = #expect(throws: IllegalTransition.self) {
            try order.transition(to: .reopened, actor: "x", source: .dispatcher, at: Instant(secondsSinceEpoch: 0))
        }
        #expect(error?.description.contains("cancelled is final") == true)
    }
}
