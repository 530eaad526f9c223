import FieldOpsInventory
import FieldOpsModel

extension SyncEngine {
    public static let defaultPullLimit = 500
    public static let maxPullLimit = 2_000
    /// Priming order: catalog first, then the device's orders, notes and van balances.
    static let primeKinds: [SyncEntity] = [.part, .workOrder, .note, .stockBalance]

    /// Whether a pull must write first: to bind a new device, or to age out closed orders. Most pulls only read.
    public static func pullNeedsWrite<R: SyncRepository>(device id: String, technician: TechnicianID, at time: Instant, in repository: R) throws -> Bool {
        guard let device = try repository.device(id) else { return true }
        guard device.technician == technician else { throw SyncError(.deviceBoundElsewhere, "device \(id) belongs to another technician") }
        return try !repository.ordersClosed(before: Instant(secondsSinceEpoch: time.secondsSinceEpoch - SyncScope.closedOrdersKeptSeconds)).isEmpty
    }

    /// The writes a pull may need (see `pullNeedsWrite`), in their own transaction before the page is read.
    public static func preparePull<R: SyncRepository>(device id: String, technician: TechnicianID, at time: Instant, in repository: inout R) throws {
        _ = try bind(device: id, to: technician, at: time, in: &repository)
        try ageOut(at: time, in: &repository)
    }

    /// The changes in a device's scope after its cursor, one page, read from one snapshot so that the page
    /// includes the effects of every mutation up to the `lastMutationId` it reports.
    public static func page<R: SyncRepository>(_ request: PullRequest, technician: TechnicianID, in repository: R) throws -> PullResponse {
        let last = try repository.device(request.deviceId)?.lastMutationId ?? 0
        let instance = try repository.instance()
        let limit = min(max(1, request.limit ?? defaultPullLimit), maxPullLimit)
        let latest = try repository.latestChange()
        var cursor: SyncCursor
        if let text = request.cursor {
            guard let decoded = SyncCursor(decoding: text), decoded.instance == instance, isValid(decoded, latest: latest) else {
                return PullResponse(cursor: "", hasMore: false, lastMutationId: last, changes: [], reset: true)
            }
            cursor = decoded
        } else {
            cursor = SyncCursor(instance: instance, position: .prime(upTo: latest, kind: 0, after: ""))
        }
        var page = PullPage(repository: repository, technician: technician, limit: limit, van: try repository.van(of: technician))
        if case .prime(let upTo, let kind, let after) = cursor.position {
            cursor.position = try page.prime(upTo: upTo, kind: kind, after: after)
        }
        if case .changes(let after) = cursor.position, page.changes.count < limit {
            cursor.position = .changes(after: try page.changes(after: after))
        }
        let hasMore: Bool
        switch cursor.position {
        case .prime: hasMore = true
        case .changes(let after): hasMore = try !repository.changes(after: after, concerning: technician, limit: 1).isEmpty
        }
        return PullResponse(cursor: cursor.encoded, hasMore: hasMore, lastMutationId: last, changes: page.changes)
    }

    static func isValid(_ cursor: SyncCursor, latest: Int64) -> Bool {
        switch cursor.position {
        case .prime(let upTo, let kind, _): upTo <= latest && (0..<primeKinds.count).contains(kind)
        case .changes(let after): after >= 0 && after <= latest
        }
    }
}

/// Builds one page of changes for one technician's device.
struct PullPage<R: SyncRepository> {
    let repository: R
    let technician: TechnicianID
    let limit: Int
    let van: LocationID?
    var changes: [Change] = []


    init(repository: R, technician: TechnicianID, limit: Int, van: LocationID?) {
        self.repository = repository
        self.technician = technician
        self.limit = limit
        self.van = van
    }

    /// The snapshot as of change `upTo`: every entity in scope whose latest change is at or before it. Entities
    /// changed later come with the changes that follow, so none is sent twice.
    mutating func prime(upTo: Int64, kind start: Int, after: String) throws -> SyncCursor.Position {
        var kind = start
        var key = after
        while kind < SyncEngine.primeKinds.count {
            let remaining = limit - changes.count
            if remaining <= 0 { return .prime(upTo: upTo, kind: kind, after: key) }
            let entity = SyncEngine.primeKinds[kind]
            let ids = try scopeIds(entity, after: key, limit: remaining)
            for id in ids {
                key = id
                let version = try repository.version(of: entity, id)
                guard version <= upTo, version > 0 else { continue }
                if let change = try put(entity, id, version: version) { changes.append(change) }
            }
            if ids.count < remaining {
                kind += 1
                key = ""
            }
        }
        return .changes(after: upTo)
    }

    func scopeIds(_ entity: SyncEntity, after: String, limit: Int) throws -> [String] {
        guard limit > 0 else { return [] }
        switch entity {
        case .part: return try repository.partIds(after: after, limit: limit)
        case .workOrder: return try repository.orderNumbers(inScopeOf: technician, after: after, limit: limit)
        case .note: return try repository.noteIds(inScopeOf: technician, after: after, limit: limit)
        case .stockBalance:
            guard let van else { return [] }
            return try repository.balanceKeys(at: van, after: after, limit: limit)
        }
    }

    /// Changes after `after` that concern this device, each entity at its latest relevant change; returns the
    /// sequence number reached.
    mutating func changes(after: Int64) throws -> Int64 {
        var reached = after
        for logged in try repository.changes(after: after, concerning: technician, limit: (limit - changes.count) * 4 + 16) {
            if changes.count >= limit { break }
            reached = logged.seq
            // A later change to the same entity that concerns this device will carry it.
            if try repository.hasChange(to: logged.entity, logged.id, after: logged.seq, concerning: technician) { continue }
            if let change = try put(logged.entity, logged.id, version: logged.seq) {
                changes.append(change)
            } else {
                changes.append(Change(entity: logged.entity.rawValue, op: .remove, id: logged.id, version: logged.seq))
            }
        }
        return reached
    }

    /// The entity as a `put` if it is in this device's scope now, nil if not.
    func put(_ entity: SyncEntity, _ id: String, version: Int64) throws -> Change? {
        switch entity {
        case .part:
            guard let part = try repository.part(PartID(rawValue: id)) else { return nil }
            return Change(entity: entity.rawValue, op: .put, id: id, version: version, data: try JSONValue(encoding: part))
        case .workOrder:
            guard let row = try repository.order(WorkOrderNumber(rawValue: id)), SyncScope.technician(of: row) == technician else { return nil }
            let view = WorkOrderView(order: row.order, technicianId: row.technicianId, assignmentVersion: row.assignmentVersion,
                                     plannedStart: row.plannedStart, plannedEnd: row.plannedEnd)
            return Change(entity: entity.rawValue, op: .put, id: id, version: version, data: try JSONValue(encoding: view))
        case .note:
            guard let note = try repository.note(id), let order = try repository.order(note.workOrderId),
                  SyncScope.technician(of: order) == technician
            else { return nil }
            return Change(entity: entity.rawValue, op: .put, id: id, version: version, data: try JSONValue(encoding: note))
        case .stockBalance:
            let parts = id.split(separator: "/", maxSplits: 1).map(String.init)
            guard parts.count == 2, let van, parts[0] == van.rawValue else { return nil }
            guard let balance = try repository.storedBalance(part: PartID(rawValue: parts[1]), location: van) else { return nil }
            let view = StockBalanceView(location: van, partId: balance.partId, onHand: balance.onHand, reserved: balance.reserved)
            return Change(entity: entity.rawValue, op: .put, id: id, version: version, data: try JSONValue(encoding: view))
        }
    }
}
