import FieldOpsModel

/// One stop in a route: a work order served inside one of its windows, or the technician's break.
struct Visit: Sendable, Equatable {
    /// Order index in the model, or `Visit.breakMarker`.
    var order: Int
    /// Which of the order's windows the visit starts in.
    var window: Int

    static let breakMarker = -1
    static let pause = Visit(order: breakMarker, window: 0)

    var isBreak: Bool { order == Visit.breakMarker }
}
