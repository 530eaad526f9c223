import FieldOpsModel

/// A mutation a device pushed, with its arguments checked and typed.
public enum DeviceMutation: Hashable, Sendable {
    case setStatus(workOrder: WorkOrderNumber, status: WorkOrderStatus, basisAssignment: Int64, note: String?)
    case addNote(workOrder: WorkOrderNumber, noteId: String, text: String)
    case consume(entryId: String, workOrder: WorkOrderNumber, part: PartID, quantity: Int, serial: String?)
    case returnDefective(entryId: String, workOrder: WorkOrderNumber, part: PartID, quantity: Int, serial: String?)

    /// Statuses a device may report.
    public static let deviceStatuses: [WorkOrderStatus] = [.enRoute, .onSite, .onHold, .resolved]

    public static func parse(_ mutation: Mutation) -> Result<DeviceMutation, Rejection> {
        let args = mutation.args
        guard case .object = args else { return .failure(.invalidArgs("args must be an object")) }
        // Ids are keys in the server's tables: at most 200 characters, like a device id.
        func string(_ key: String, maxLength: Int = 200) throws(Rejection) -> String {
            guard case .string(let text)? = args[key], !text.isEmpty else {
                throw .invalidArgs("args.\(key) must be a non-empty string")
            }
            guard text.count <= maxLength else { throw .invalidArgs("args.\(key) is longer than \(maxLength) characters") }
            return text
        }
        func optionalString(_ key: String, maxLength: Int = 200) throws(Rejection) -> String? {
            switch args[key] {
            case nil, .null?: return nil
            case .string(let text)?:
                guard text.count <= maxLength else { throw .invalidArgs("args.\(key) is longer than \(maxLength) characters") }
                return text
            default: throw .invalidArgs("args.\(key) must be a string")
            }
        }
        func integer(_ key: String) throws(Rejection) -> Int64 {
            guard case .number(let value)? = args[key], value == value.rounded(), abs(value) < 9e15 else {
                throw .invalidArgs("args.\(key) must be a whole number")
            }
            return Int64(value)
        }
        func order() throws(Rejection) -> WorkOrderNumber {
            let text = try string("workOrderId")
            guard WorkOrderNumber(validating: text) != nil else { throw .invalidArgs("args.workOrderId \"\(text)\" is not a work order number") }
            return WorkOrderNumber(rawValue: text)
        }
        func quantity() throws(Rejection) -> Int {
            let value = try integer("quantity")
            guard (1...Int64(InputLimits.quantity)).contains(value) else {
                throw .invalidArgs("args.quantity " + InputLimits.outOfRange(value, 1...Int64(InputLimits.quantity)))
            }
            return Int(value)
        }
        do throws(Rejection) {
            switch mutation.name {
            case "workOrder.setStatus":
                let text = try string("status")
                guard let status = WorkOrderStatus(rawValue: text), deviceStatuses.contains(status) else {
                    throw Rejection.invalidArgs("args.status must be one of enRoute, onSite, onHold, resolved; is \"\(text)\"")
                }
                return .success(.setStatus(workOrder: try order(), status: status, basisAssignment: try integer("basisAssignment"), note: try optionalString("note", maxLength: 10_000)))
            case "workOrder.addNote":
                let text = try string("text", maxLength: 10_000)
                return .success(.addNote(workOrder: try order(), noteId: try string("noteId"), text: text))
            case "stock.consume":
                return .success(.consume(entryId: try string("entryId"), workOrder: try order(), part: PartID(rawValue: try string("partId")), quantity: try quantity(), serial: try optionalString("serial")))
            case "stock.returnDefective":
                return .success(.returnDefective(entryId: try string("entryId"), workOrder: try order(), part: PartID(rawValue: try string("partId")), quantity: try quantity(), serial: try optionalString("serial")))
            default:
                throw Rejection(code: "unknown_mutation", message: "unknown mutation \"\(mutation.name)\"; version 1 knows workOrder.setStatus, workOrder.addNote, stock.consume, stock.returnDefective")
            }
        } catch {
            return .failure(error)
        }
    }
}

/// Why a mutation can never apply. Stored as its outcome; it does not block the ones after it.
public struct Rejection: Error, Hashable, Sendable {
    public var code: String
    public var message: String

    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }

    static func invalidArgs(_ message: String) -> Rejection { Rejection(code: "invalid_args", message: message) }

    /// The one answer for an order that is not the device's, whether or not the number exists: numbers are
    /// sequential, so any other answer would let a device map the company's orders and who holds them.
    public static let notAssigned = Rejection(code: "not_assigned", message: "this work order is not assigned to this technician")
}
