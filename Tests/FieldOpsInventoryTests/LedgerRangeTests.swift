import FieldOpsInventory
import FieldOpsModel
import FieldOpsStore
import Foundation
import Testing

/// Quantities and money from outside meet in the ledger (value = quantity × cost): anything that would leave 64
/// bits is a refusal before the first write, never a crash, and the book keeps working afterwards.
@Suite struct LedgerRangeTests {
    func book(_ backend: String) throws -> any StockBook {
        backend == "memory" ? MemoryBook() : try SQLiteBook(AppDatabase.inMemory())
    }

    func context(_ key: String) -> PostingContext {
        PostingContext(idempotencyKey: key, actor: "anna", source: .dispatcher, time: Instant(rfc3339: "2026-11-23T08:00:00Z")!)
    }

    func code(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch let error as InventoryError {
            return error.code
        } catch {
            return "unexpected \(error)"
        }
    }

    @Test(arguments: ["memory", "sqlite"])
    func valuesBeyondSixtyFourBitsAreRefusedAndTheBookGoesOn(backend: String) throws {
        var book = try book(backend)
        #expect(code { _ = try book.post(.receive(part: "P1", to: "WH1", quantity: 1_000_000_001, unitCost: 1, serial: nil), context("q")) } == "invalid_quantity")
        #expect(code { _ = try book.post(.receive(part: "P1", to: "WH1", quantity: 1, unitCost: 10_000_000_000_001, serial: nil), context("c")) } == "invalid_cost")
        // 10^9 units at 10^13 each is 10^22: refused, not wrapped.
        #expect(code { _ = try book.post(.receive(part: "P1", to: "WH1", quantity: 1_000_000_000, unitCost: 10_000_000_000_000, serial: nil), context("v")) } == "value_out_of_range")
        #expect(try book.snapshot().entries.isEmpty, "nothing was written")
        // Nine receipts of 10^18 fit (9 × 10^18 < 2^63); the tenth would not.
        for index in 0..<9 {
            _ = try book.post(.receive(part: "P1", to: "WH1", quantity: 1_000_000_000, unitCost: 1_000_000_000, serial: nil), context("r\(index)"))
        }
        let before = try book.snapshot()
        #expect(code { _ = try book.post(.receive(part: "P1", to: "WH1", quantity: 1_000_000_000, unitCost: 1_000_000_000, serial: nil), context("r9")) } == "value_out_of_range")
        #expect(try book.snapshot() == before, "the refused receipt left nothing")
        // The book is not stuck: consumption and transfers still post and balances stay integers.
        _ = try book.post(.transfer(part: "P1", from: "WH1", to: "V1", quantity: 5, serial: nil), context("t"))
        _ = try book.post(.consume(part: "P1", van: "V1", quantity: 7, workOrder: "202611000001", serial: nil), context("u"))
        let after = try book.snapshot()
        #expect(after.balances.first { $0.location == "V1" && $0.partId == "P1" }?.onHand == -2)
        #expect(after.valuations.first { $0.partId == "P1" }?.quantity == 9_000_000_000 - 7)
    }
}
