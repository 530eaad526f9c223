import FieldOpsInventory
import FieldOpsModel
import FieldOpsStore
import Foundation
import Testing

/// Each rule and error case, on the in-memory book and on SQLite.
@Suite struct LedgerRuleTests {
    static let backends = ["memory", "sqlite"]

    func book(_ backend: String) throws -> any StockBook {
        backend == "memory" ? MemoryBook() : try SQLiteBook(AppDatabase.inMemory())
    }

    var step = 0
    func context(_ key: String) -> PostingContext {
        PostingContext(idempotencyKey: key, actor: "anna", source: .dispatcher, time: Instant(rfc3339: "2026-11-23T08:00:00Z")!)
    }

    func refusal(_ body: () throws -> Void) -> InventoryError? {
        do {
            try body()
            return nil
        } catch let error as InventoryError {
            return error
        } catch {
            return nil
        }
    }

    @Test(arguments: backends)
    func unknownPartOrLocationAndBadQuantities(backend: String) throws {
        var book = try book(backend)
        #expect(refusal { _ = try book.post(.receive(part: "NOPE", to: "WH1", quantity: 1, unitCost: 10, serial: nil), context("a")) }?.code == "unknown_part")
        #expect(refusal { _ = try book.post(.receive(part: "P1", to: "WH9", quantity: 1, unitCost: 10, serial: nil), context("b")) }?.message == "unknown location WH9")
        #expect(refusal { _ = try book.post(.receive(part: "P1", to: "WH1", quantity: 0, unitCost: 10, serial: nil), context("c")) }?.code == "invalid_quantity")
        #expect(refusal { _ = try book.post(.transfer(part: "P1", from: "WH1", to: "V1", quantity: -2, serial: nil), context("d")) }?.message == "quantity must be above zero, is -2")
        #expect(refusal { _ = try book.post(.receive(part: "P1", to: "CONSUMED", quantity: 1, unitCost: 10, serial: nil), context("e")) }?.code == "wrong_location_kind")
        #expect(try book.snapshot().entries.isEmpty, "nothing was written")
    }

    @Test(arguments: backends)
    func warehouseStockNeverGoesBelowZeroButFieldConsumptionDoes(backend: String) throws {
        var book = try book(backend)
        _ = try book.post(.receive(part: "P1", to: "WH1", quantity: 5, unitCost: 1_000, serial: nil), context("r1"))
        try book.reserve(World.orders[0], "P1", "WH1", 2)
        let error = refusal { _ = try book.post(.transfer(part: "P1", from: "WH1", to: "V1", quantity: 4, serial: nil), context("t1")) }
        #expect(error?.message == "not enough P1 at WH1: 3 available, 4 asked")
        _ = try book.post(.transfer(part: "P1", from: "WH1", to: "V1", quantity: 3, serial: nil), context("t2"))
        // The van had 3; the technician used 4 offline. Accepted, and one discrepancy is raised.
        let used = try book.post(.consume(part: "P1", van: "V1", quantity: 4, workOrder: World.orders[1], serial: nil), context("c1"))
        #expect(used.raisedDiscrepancy?.balance == -1)
        let again = try book.post(.consume(part: "P1", van: "V1", quantity: 1, workOrder: World.orders[1], serial: nil), context("c2"))
        #expect(again.raisedDiscrepancy == nil, "one open discrepancy per van and part")
        // A count closes it.
        _ = try book.post(.adjust(part: "P1", location: "V1", counted: 0), context("count"))
        let snapshot = try book.snapshot()
        #expect(snapshot.discrepancies.count == 1)
        #expect(snapshot.discrepancies[0].closedBy != nil)
        #expect(snapshot.balances.first { $0.location == "V1" } == nil, "V1 holds nothing now")
    }

    @Test(arguments: backends)
    func reversalsCancelAndHappenOnce(backend: String) throws {
        var book = try book(backend)
        let receipt = try book.post(.receive(part: "P2", to: "WH2", quantity: 10, unitCost: 300, serial: nil), context("r"))
        let reversal = try book.post(.reverse(entry: receipt.entry.id), context("undo"))
        #expect(reversal.entry.kind == .reversal)
        #expect(reversal.entry.reverses == receipt.entry.id)
        #expect(reversal.entry.from == "WH2" && reversal.entry.to == "SUPPLIER")
        #expect(refusal { _ = try book.post(.reverse(entry: receipt.entry.id), context("undo2")) }?.message
            == "entry 1 was already reversed by entry 2")
        #expect(refusal { _ = try book.post(.reverse(entry: reversal.entry.id), context("undo3")) }?.code == "reversal_of_reversal")
        #expect(refusal { _ = try book.post(.reverse(entry: 99), context("undo4")) }?.code == "unknown_entry")
        let snapshot = try book.snapshot()
        #expect(snapshot.balances.isEmpty)
        #expect(snapshot.valuations.first?.value == 0)
    }

    @Test(arguments: backends)
    func theSameKeyTwiceIsOneEntry(backend: String) throws {
        var book = try book(backend)
        let first = try book.post(.receive(part: "P1", to: "WH1", quantity: 3, unitCost: 900, serial: nil), context("same"))
        let second = try book.post(.receive(part: "P1", to: "WH1", quantity: 3, unitCost: 900, serial: nil), context("same"))
        #expect(second.duplicate)
        #expect(second.entry == first.entry)
        #expect(try book.snapshot().entries.count == 1)
        #expect(refusal { _ = try book.post(.receive(part: "P2", to: "WH1", quantity: 1, unitCost: 1, serial: nil), context("same")) }?.code
            == "idempotency_conflict")
    }

    @Test(arguments: backends)
    func aSerialIsInExactlyOnePlace(backend: String) throws {
        var book = try book(backend)
        _ = try book.post(.receive(part: "S1", to: "WH1", quantity: 1, unitCost: 20_000, serial: "SN-1"), context("r1"))
        #expect(refusal { _ = try book.post(.receive(part: "S1", to: "WH2", quantity: 1, unitCost: 20_000, serial: "SN-1"), context("r2")) }?.message
            == "serial SN-1 of S1 is already at WH1")
        #expect(refusal { _ = try book.post(.transfer(part: "S1", from: "WH2", to: "V1", quantity: 1, serial: "SN-1"), context("t1")) }?.code == "serial_elsewhere")
        #expect(refusal { _ = try book.post(.transfer(part: "S1", from: "WH1", to: "V1", quantity: 1, serial: nil), context("t2")) }?.code == "serial_required")
        #expect(refusal { _ = try book.post(.receive(part: "S1", to: "WH1", quantity: 2, unitCost: 1, serial: "SN-2"), context("r3")) }?.code == "serial_quantity")
        #expect(refusal { _ = try book.post(.receive(part: "P1", to: "WH1", quantity: 1, unitCost: 1, serial: "X"), context("r4")) }?.code == "not_serialized")
        _ = try book.post(.transfer(part: "S1", from: "WH1", to: "V2", quantity: 1, serial: "SN-1"), context("t3"))
        _ = try book.post(.consume(part: "S1", van: "V2", quantity: 1, workOrder: World.orders[2], serial: "SN-1"), context("c"))
        #expect(try book.snapshot().serials == ["S1/SN-1": "CONSUMED"])
    }

    @Test(arguments: backends)
    func movingAverageCostIsStampedOnEveryEntry(backend: String) throws {
        var book = try book(backend)
        _ = try book.post(.receive(part: "P3", to: "WH1", quantity: 10, unitCost: 4_000, serial: nil), context("a"))
        let second = try book.post(.receive(part: "P3", to: "WH1", quantity: 30, unitCost: 6_000, serial: nil), context("b"))
        // (10 × 4000 + 30 × 6000) / 40 = 5500.
        #expect(second.entry.averageCostAfter == 5_500)
        _ = try book.post(.transfer(part: "P3", from: "WH1", to: "V3", quantity: 5, serial: nil), context("c"))
        let consumed = try book.post(.consume(part: "P3", van: "V3", quantity: 2, workOrder: World.orders[3], serial: nil), context("d"))
        #expect(consumed.entry.unitCost == 5_500)
        #expect(consumed.entry.value == 11_000)
        let snapshot = try book.snapshot()
        #expect(snapshot.valuations == [PartValuation(partId: "P3", quantity: 38, value: 209_000, averageCost: 5_500)])
    }

    @Test(arguments: backends)
    func consumptionUsesTheOrdersReservation(backend: String) throws {
        var book = try book(backend)
        _ = try book.post(.receive(part: "P1", to: "V1", quantity: 4, unitCost: 1_000, serial: nil), context("a"))
        try book.reserve(World.orders[0], "P1", "V1", 3)
        #expect(refusal { try book.reserve(World.orders[1], "P1", "V1", 2) }?.message == "not enough P1 at V1: 1 available, 2 asked")
        _ = try book.post(.consume(part: "P1", van: "V1", quantity: 2, workOrder: World.orders[0], serial: nil), context("b"))
        var snapshot = try book.snapshot()
        #expect(snapshot.reservations.map(\.quantity) == [1])
        #expect(snapshot.balances.first { $0.location == "V1" }?.reserved == 1)
        try book.release(World.orders[0])
        snapshot = try book.snapshot()
        #expect(snapshot.reservations.isEmpty)
        #expect(snapshot.balances.first { $0.location == "V1" }?.reserved == 0)
    }
}
