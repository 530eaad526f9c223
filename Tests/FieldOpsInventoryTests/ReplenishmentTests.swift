import FieldOpsInventory
import FieldOpsModel
import Testing

@Suite struct ReplenishmentTests {
    let stock: [String: Int] = ["P1|WH1": 3, "P1|WH2": 5, "P1|V1": 1, "P2|WH1": 10, "P2|V2": 4]
    var available: (PartID, LocationID) -> Int { { stock["\($0)|\($1)"] ?? 0 } }

    @Test func vansAreFilledFromTheWarehousesThatHaveTheParts() {
        let lines = Replenishment.lines(
            needs: [("V1", [PartQuantity(partId: "P1", quantity: 4), PartQuantity(partId: "P1", quantity: 2)]),
                    ("V2", [PartQuantity(partId: "P1", quantity: 5), PartQuantity(partId: "P2", quantity: 3)])],
            warehouses: ["WH1", "WH2"], available: available)
        // V1 needs 6, holds 1: 5 from WH2 (the larger stock). V2 needs 5 P1: WH1's 3, then 2 short. P2 is in the van.
        #expect(lines == [
            ReplenishmentLine(van: "V1", partId: "P1", needed: 6, inVan: 1, load: 5, warehouse: "WH2", short: 0),
            ReplenishmentLine(van: "V2", partId: "P1", needed: 5, inVan: 0, load: 3, warehouse: "WH1", short: 0),
            ReplenishmentLine(van: "V2", partId: "P1", needed: 5, inVan: 0, load: 0, warehouse: nil, short: 2),
        ])
    }

    @Test func reorderAtOrBelowThePoint() {
        let points = [
            ReorderPoint(partId: "P1", location: "WH1", point: 3, quantity: 20),
            ReorderPoint(partId: "P2", location: "WH1", point: 5, quantity: 20),
            ReorderPoint(partId: "P3", location: "WH1", point: 10, quantity: 4),
        ]
        let suggestions = Replenishment.reorderSuggestions(points: points, available: available)
        #expect(suggestions.map(\.partId) == ["P1", "P3"])
        #expect(suggestions.map(\.orderQuantity) == [20, 11], "enough to get above the point when Q is smaller")
    }
}
