import FieldOpsInventory
import FieldOpsModel
import FieldOpsStore
import FieldOpsSync
import FieldOpsTestSupport
import Foundation
import Testing

/// A device's consumption of a part whose value would leave 64 bits took the server down, and the rolled-back push
/// took it down again on every retry. Now it is one rejected mutation, and the queue goes on.
@Suite struct DeviceStockRangeTests {
    @Test func aDeviceConsumptionWithAHugeValueIsRejectedNotCrashedAndTheQueueGoesOn() throws {
        var problem = ProblemGenerator(.init(technicians: 2, orders: 4, days: 1, seed: 3)).generate()
        let part = try #require(problem.parts.firstIndex { !$0.serialized })
        problem.parts[part].standardCost = InputLimits.money
        let database = try AppDatabase.inMemory()
        _ = try database.importProblem(problem, at: Instant(rfc3339: "2026-11-23T08:00:00Z")!)
        let order = problem.orders[0].number
        let technician = problem.technicians[0].id
        _ = try database.assign(order, to: technician, actor: "anna", at: Instant(rfc3339: "2026-11-23T08:00:00Z")!)
        func consume(_ id: Int64, _ quantity: Int) -> Mutation {
            Mutation(id: id, name: "stock.consume", args: .object([
                "entryId": .string("e\(id)"), "workOrderId": .string(order.rawValue), "partId": .string(problem.parts[part].id.rawValue),
                "quantity": .number(Double(quantity)),
            ]))
        }
        let request = PushRequest(deviceId: "d1", mutations: [consume(1, 1_000_000_000), consume(2, 1)])
        let response = try database.push(request, technician: technician, at: Instant(rfc3339: "2026-11-23T09:00:00Z")!)
        #expect(response.outcomes[0].status == .rejected)
        #expect(response.outcomes[1].status != .rejected, "the next consumption of the same part posts")
        #expect(response.outcomes[0].code == "value_out_of_range")
        // A retry is answered from the stored outcome; nothing crashes and nothing doubles.
        #expect(try database.push(request, technician: technician, at: Instant(rfc3339: "2026-11-23T09:00:00Z")!) == response)
        #expect(try database.ledger().filter { $0.idempotencyKey.hasPrefix("e") }.count == 1)
    }
}
