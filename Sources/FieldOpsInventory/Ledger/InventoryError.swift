import FieldOpsModel

/// A movement the ledger refuses, with a code for programs and a message that names what is wrong.
public struct InventoryError: Error, Hashable, Sendable, CustomStringConvertible {
    public var code: String
    public var message: String

    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }

    static func unknownPart(_ part: PartID) -> InventoryError {
        InventoryError(code: "unknown_part", message: "unknown part \(part)")
    }

    static func unknownLocation(_ location: LocationID) -> InventoryError {
        InventoryError(code: "unknown_location", message: "unknown location \(location)")
    }

    static func quantity(_ quantity: Int) -> InventoryError {
        InventoryError(code: "invalid_quantity", message: "quantity " + InputLimits.outOfRange(quantity, 1...InputLimits.quantity))
    }

    static func valueOutOfRange(_ part: PartID) -> InventoryError {
        InventoryError(code: "value_out_of_range", message: "the stock value of \(part) would leave the range of the books (at most \(Int.max) minor units)")
    }

    static func balanceOutOfRange(_ part: PartID, _ location: LocationID) -> InventoryError {
        InventoryError(code: "quantity_out_of_range", message: "the balance of \(part) at \(location) would leave the range of the books")
    }

    static func insufficient(part: PartID, location: LocationID, available: Int, asked: Int) -> InventoryError {
        InventoryError(
            code: "insufficient_stock",
            message: "not enough \(part) at \(location): \(available) available, \(asked) asked")
    }

    static func wrongKind(_ location: StockLocation, expected: String) -> InventoryError {
        InventoryError(code: "wrong_location_kind", message: "\(location.id) is a \(location.kind.rawValue), not \(expected)")
    }
}
