import FieldOpsModel

/// The sync protocol's rules over a `SyncRepository`: device binding, exactly-once push, ownership, pull pages.
/// Every call is meant to run inside one transaction of the backend.
public enum SyncEngine {
    /// Saves an order's dispatch state: the scope it is now in, a new assignment version in the history, one
    /// change for the devices of the technician it had and the one it has now, and its notes moved along with it.
    /// The dispatcher's assign, publish and import use it as the devices' pushes do.
    public static func save<R: SyncRepository>(_ order: SyncOrder, previousOwner: TechnicianID?, at time: Instant, in repository: inout R) throws {
        try repository.saveState(order, scope: SyncScope.technician(of: order))
        if order.assignmentVersion > 0 {
            try repository.recordAssignment(order.number, version: order.assignmentVersion, technician: order.technicianId, at: time)
        }
        try repository.log(LoggedChange(entity: .workOrder, id: order.number.rawValue, oldOwner: previousOwner, newOwner: order.technicianId))
        // The order's notes move with it: the new owner's devices get them, the old owner's drop them.
        if previousOwner != order.technicianId {
            for note in try repository.noteIds(of: order.number) {
                try repository.log(LoggedChange(entity: .note, id: note, oldOwner: previousOwner, newOwner: order.technicianId))
            }
        }
    }

    /// The device's technician binding: the first request binds it; a device bound to someone else is refused
    /// before anything changes. Returns the device's last processed mutation id.
    public static func bind<R: SyncRepository>(device id: String, to technician: TechnicianID, at time: Instant, in repository: inout R) throws -> Int64 {
        guard !id.isEmpty, id.count <= 200 else {
            throw SyncError(.invalidDevice, "deviceId must be a non-empty string of at most 200 characters")
        }
        if let device = try repository.device(id) {
            guard device.technician == technician else { throw SyncError(.deviceBoundElsewhere, "device \(id) belongs to another technician") }
            return device.lastMutationId
        }
        try repository.addDevice(SyncDevice(id: id, technician: technician, lastMutationId: 0), at: time)
        return 0
    }

    /// Closed orders leave devices a week after closing: one change each, so devices hear `remove`.
    static func ageOut<R: SyncRepository>(at time: Instant, in repository: inout R) throws {
        for var order in try repository.ordersClosed(before: Instant(secondsSinceEpoch: time.secondsSinceEpoch - SyncScope.closedOrdersKeptSeconds)) {
            order.agedOut = true
            try repository.saveState(order, scope: SyncScope.technician(of: order))
            try repository.log(LoggedChange(entity: .workOrder, id: order.number.rawValue, oldOwner: order.technicianId, newOwner: nil))
        }
    }
}
