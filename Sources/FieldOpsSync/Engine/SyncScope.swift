import FieldOpsModel

/// Which technician's devices hold an order: its technician, unless it is cancelled or has aged out (closed a
/// week ago). The one statement of the scope rule; backends store its answer with the order and select by it.
public enum SyncScope {
    /// Closed orders stay on devices this long.
    public static let closedOrdersKeptSeconds: Int64 = 7 * 86_400

    public static func technician(of order: SyncOrder) -> TechnicianID? {
        order.order.status == .cancelled || order.agedOut ? nil : order.technicianId
    }
}
