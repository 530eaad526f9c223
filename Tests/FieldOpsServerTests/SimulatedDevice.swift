import FieldOpsModel
import FieldOpsSync
import Foundation

/// A technician's device as the protocol page describes one: it queues mutations while offline, pushes them in
/// order, pulls changes after its cursor, and keeps its queue (and its next mutation id) across restarts.
struct SimulatedDevice: Sendable {
    let id: String
    let technician: TechnicianID
    let token: String
    /// Not yet acknowledged, in id order.
    var queue: [Mutation] = []
    var nextId: Int64 = 1
    /// Every mutation ever made, for the reference model.
    var made: [Mutation] = []
    var cursor: String?
    /// What the device shows: entity/id → data.
    var local: [String: Change] = [:]
    var entrySerial = 0
    /// The outcome the server gave for each mutation, as first heard; every later answer must be the same.
    var outcomes: [Int64: MutationOutcome] = [:]
    var inconsistentOutcomes: [String] = []

    init(id: String, technician: TechnicianID, token: String) {
        self.id = id
        self.technician = technician
        self.token = token
    }

    /// Makes a plausible mutation from what the device shows: move an order along, write a note, use a part.
    mutating func makeMutation(_ random: inout SeededGenerator, parts: [PartID]) {
        let orders = local.values.filter { $0.entity == "workOrder" }.sorted { $0.id < $1.id }
        guard let order = orders.randomElement(using: &random), case .string(let status)? = order.data?["status"],
              case .number(let version)? = order.data?["assignmentVersion"]
        else { return }
        let mutation: Mutation
        let kind = random.weightedIndex([5, 2, 3])
        if kind == 0, let next = ["dispatched": "enRoute", "enRoute": "onSite", "onSite": "resolved", "new": "enRoute"][status] {
            mutation = Mutation(id: nextId, name: "workOrder.setStatus", args: .object([
                "workOrderId": .string(order.id), "status": .string(next), "basisAssignment": .number(version),
            ]))
            // Shown at once, as a device app would.
            var shown = order
            if case .object(var data)? = shown.data { data["status"] = .string(next); shown.data = .object(data) }
            local["workOrder/\(order.id)"] = shown
        } else if kind == 1 {
            mutation = Mutation(id: nextId, name: "workOrder.addNote", args: .object([
                "workOrderId": .string(order.id), "noteId": .string("\(id)-note-\(nextId)"), "text": .string("note \(nextId) from \(technician)"),
            ]))
        } else {
            entrySerial += 1
            mutation = Mutation(id: nextId, name: "stock.consume", args: .object([
                "entryId": .string("\(id)-entry-\(entrySerial)"), "workOrderId": .string(order.id),
                "partId": .string(parts.randomElement(using: &random)!.rawValue), "quantity": .number(Double(Int.random(in: 1...3, using: &random))),
            ]))
        }
        nextId += 1
        queue.append(mutation)
        made.append(mutation)
    }

    mutating func acknowledge(_ response: PushResponse) {
        for outcome in response.outcomes {
            if let first = outcomes[outcome.id], first != outcome {
                inconsistentOutcomes.append("mutation \(outcome.id): \(first.status) then \(outcome.status)")
            }
            outcomes[outcome.id] = outcomes[outcome.id] ?? outcome
        }
        // Keep a mutation until its outcome is heard (a rejection is shown to the technician), even when
        // `lastMutationId` says the server has it: resending it returns the stored outcome.
        queue.removeAll { $0.id <= response.lastMutationId && outcomes[$0.id] != nil }
    }

    mutating func apply(_ changes: [Change]) {
        for change in changes {
            let key = "\(change.entity)/\(change.id)"
            switch change.op {
            case .put: local[key] = change
            case .remove: local[key] = nil
            }
        }
    }

    /// A restart loses what is only in memory: the shown data may be rebuilt from a fresh prime.
    mutating func restart(losingCursor: Bool) {
        if losingCursor {
            cursor = nil
            local = [:]
        }
    }
}
