/// What a ledger entry records.
public enum EntryKind: String, CaseIterable, Sendable, Codable {
    /// Supplier → warehouse (or van).
    case receive
    /// Warehouse → van, van → warehouse, warehouse → warehouse.
    case transfer
    /// Van → consumed at the customer's site, for a work order. A fact from the field: never refused for stock.
    case consume
    /// Consumed → defective returns: the broken part taken out at the site, carried back in the van.
    case returnDefective
    /// Any location → scrap.
    case scrap
    /// Count adjustment ↔ a location, bringing the book to what was counted.
    case adjust
    /// The opposite of an earlier entry, which it names.
    case reversal
}
