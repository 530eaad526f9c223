import FieldOpsModel
import FieldOpsSync
import Testing

/// Arguments a device sends are typed or rejected by name; a rejection is an outcome, never a refused push.
@Suite struct DeviceMutationTests {
    func mutation(_ name: String, _ args: [String: JSONValue]) -> Mutation {
        Mutation(id: 1, name: name, args: .object(args))
    }

    @Test func wellFormedMutationsAreTyped() throws {
        let status = DeviceMutation.parse(mutation("workOrder.setStatus", [
            "workOrderId": .string("202611000015"), "status": .string("onSite"), "basisAssignment": .number(3),
        ]))
        #expect(try status.get() == .setStatus(workOrder: WorkOrderNumber(rawValue: "202611000015"), status: .onSite, basisAssignment: 3, note: nil))
        let consume = DeviceMutation.parse(mutation("stock.consume", [
            "entryId": .string("e1"), "workOrderId": .string("202611000015"), "partId": .string("FLT-220"), "quantity": .number(2),
            "serial": .string("SN-1"),
        ]))
        #expect(try consume.get() == .consume(entryId: "e1", workOrder: WorkOrderNumber(rawValue: "202611000015"), part: "FLT-220", quantity: 2, serial: "SN-1"))
    }

    @Test(arguments: [
        ("workOrder.setStatus", ["workOrderId": JSONValue.string("202611000015"), "status": .string("closed"), "basisAssignment": .number(1)], "invalid_args"),
        ("workOrder.setStatus", ["workOrderId": .string("x"), "status": .string("onSite"), "basisAssignment": .number(1)], "invalid_args"),
        ("workOrder.setStatus", ["workOrderId": .string("202611000015"), "status": .string("onSite"), "basisAssignment": .number(1.5)], "invalid_args"),
        ("workOrder.addNote", ["workOrderId": .string("202611000015"), "noteId": .string(""), "text": .string("t")], "invalid_args"),
        ("workOrder.addNote", ["workOrderId": .string("202611000015"), "noteId": .string("n"), "text": .string(String(repeating: "a", count: 10_001))], "invalid_args"),
        ("stock.consume", ["entryId": .string("e"), "workOrderId": .string("202611000015"), "partId": .string("P"), "quantity": .number(0)], "invalid_args"),
        ("stock.consume", ["entryId": .string("e"), "workOrderId": .string("202611000015"), "partId": .string("P"), "quantity": .number(1e12)], "invalid_args"),
        ("stock.returnDefective", ["entryId": .string(String(repeating: "e", count: 201)), "workOrderId": .string("202611000015"), "partId": .string("P"), "quantity": .number(1)], "invalid_args"),
        ("workOrder.delete", ["workOrderId": .string("202611000015")], "unknown_mutation"),
    ])
    func brokenArgumentsAreRejectedByName(name: String, args: [String: JSONValue], code: String) {
        guard case .failure(let rejection) = DeviceMutation.parse(mutation(name, args)) else {
            Issue.record("\(name) \(args) parsed")
            return
        }
        #expect(rejection.code == code)
        #expect(!rejection.message.isEmpty)
    }

    @Test func argsThatAreNotAnObjectAreRejected() {
        guard case .failure(let rejection) = DeviceMutation.parse(Mutation(id: 1, name: "workOrder.addNote", args: .array([]))) else {
            Issue.record("an array of args parsed")
            return
        }
        #expect(rejection.code == "invalid_args")
    }
}
