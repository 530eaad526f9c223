import FieldOpsInventory
import FieldOpsModel
import FieldOpsStore
import Foundation
import Testing

/// Quantities and money from outside meet in the ledger (value = quantity × cost): anything that would leave 64
/// bits is a refusal before the first write, never a crash, and the book keeps working afterwards.
extension LedgerRuleTests {
    @Test(arguments: ["memory", "sqlite"])
    func valuesBeyondSixtyFourBitsAreRefusedAndTheBookGoesOn(backend: String) throws {
        var book = try book(backend)
        #expect(refusal { _ = try book.post(.receive(part: "P1", to: "WH1", quantity: 1_000_000_001, unitCost: 1, serial: nil), context("q")) }?.code == "invalid_quantity")
        #expect(refusal { _ = try book.post(.receive(part: "P1", to: "WH1", quantity: 1, unitCost: 10_000_000_000_001, serial: nil), context("c")) }?.code == "invalid_cost")
        // 10^9 units at 10^13 each is 10^22: refused, not wrapped.
        #expect(refusal { _ = try book.post(.receive(part: "P1", to: "WH1", quantity: 1_000_000_000, unitCost: 10_000_000_000_000, serial: nil), context("v")) }?.code == "value_out_of_range")
        #expect(try book.snapshot().entries.isEmpty, "nothing was written")
        // Nine receipts of 10^18 fit (9 × 10^18 < 2^63); the tenth would not.
        for index in 0..<9 {
            _ = try book.post(.receive(part: "P1", to: "WH1", quantity: 1_000_000_000, unitCost: 1_000_000_000, serial: nil), context("r\(index)"))
        }
        let before = try book.snapshot()
        #expect(refusal { _ = try book.post(.receive(part: "P1", to: "WH1", quantity: 1_000_000_000, unitCost: 1_000_000_000, serial: nil), context("r9")) }?.code == "value_out_of_range")
        #expect(try book.snapshot() == before, "the refused receipt left nothing")
        // The book is not stuck: consumption and transfers still post and balances stay integers.
        _ = try book.post(.transfer(part: "P1", from: "WH1", to: "V1", quantity: 5, serial: nil), context("t"))
        _ = try book.post(.consume(part: "P1", van: "V1", quantity: 7, workOrder: "202611000001", serial: nil), context("u"))
        let after = try book.snapshot()
        #expect(after.balances.first { $0.location == "V1" && $0.partId == "P1" }?.onHand == -2)
        #expect(after.valuations.first { $0.partId == "P1" }?.quantity == 9_000_000_000 - 7)
    }
}
