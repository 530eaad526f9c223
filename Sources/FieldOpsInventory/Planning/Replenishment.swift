import FieldOpsModel

/// What to load into a van before the day starts: the parts its technician's orders need, less what the van
/// already has available, from the warehouses that have them.
public struct ReplenishmentLine: Hashable, Sendable, Codable {
    public var van: LocationID
    public var partId: PartID
    /// Needed by the day's orders.
    public var needed: Int
    /// Available in the van now.
    public var inVan: Int
    /// To load from `warehouse` (zero when no warehouse has any).
    public var load: Int
    public var warehouse: LocationID?
    /// Still missing after every warehouse gave what it could.
    public var short: Int

    public init(van: LocationID, partId: PartID, needed: Int, inVan: Int, load: Int, warehouse: LocationID?, short: Int) {
        self.van = van
        self.partId = partId
        self.needed = needed
        self.inVan = inVan
        self.load = load
        self.warehouse = warehouse
        self.short = short
    }
}

/// A part to order for a location because its available stock is at or below the reorder point.
public struct ReorderSuggestion: Hashable, Sendable, Codable {
    public var partId: PartID
    public var location: LocationID
    public var available: Int
    public var point: Int
    public var orderQuantity: Int
}

public enum Replenishment {
    /// - Parameters:
    ///   - needs: per van, the parts its orders for the day require.
    ///   - available: available stock of a part at a location.
    ///   - warehouses: where vans are filled from; a warehouse's stock is shared out van by van, in van order.
    public static func lines(
        needs: [(van: LocationID, parts: [PartQuantity])], warehouses: [LocationID],
        available: (PartID, LocationID) -> Int
    ) -> [ReplenishmentLine] {
        var left: [String: Int] = [:]
        func remaining(_ part: PartID, _ warehouse: LocationID) -> Int {
            left["\(part)|\(warehouse)"] ?? max(0, available(part, warehouse))
        }
        var lines: [ReplenishmentLine] = []
        for (van, parts) in needs.sorted(by: { $0.van < $1.van }) {
            var totals: [PartID: Int] = [:]
            for part in parts { totals[part.partId, default: 0] += part.quantity }
            for (part, needed) in totals.sorted(by: { $0.key < $1.key }) {
                let inVan = max(0, available(part, van))
                var missing = needed - inVan
                guard missing > 0 else { continue }
                // Largest stock first, so a van is filled from as few warehouses as possible.
                for warehouse in warehouses.sorted(by: { (remaining(part, $0), $1) > (remaining(part, $1), $0) }) where missing > 0 {
                    let take = min(missing, remaining(part, warehouse))
                    guard take > 0 else { continue }
                    left["\(part)|\(warehouse)"] = remaining(part, warehouse) - take
                    missing -= take
                    lines.append(ReplenishmentLine(van: van, partId: part, needed: needed, inVan: inVan, load: take, warehouse: warehouse, short: 0))
                }
                if missing > 0 {
                    lines.append(ReplenishmentLine(van: van, partId: part, needed: needed, inVan: inVan, load: 0, warehouse: nil, short: missing))
                }
            }
        }
        return lines
    }

    /// (s, Q) policy: when available ≤ s, order Q (or enough to get above s, if Q is less).
    public static func reorderSuggestions(points: [ReorderPoint], available: (PartID, LocationID) -> Int) -> [ReorderSuggestion] {
        points.compactMap { point in
            let now = available(point.partId, point.location)
            guard now <= point.point else { return nil }
            return ReorderSuggestion(
                partId: point.partId, location: point.location, available: now, point: point.point,
                orderQuantity: max(point.quantity, point.point - now + 1))
        }
    }
}
