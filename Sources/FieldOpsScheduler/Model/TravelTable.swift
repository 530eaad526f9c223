import FieldOpsModel
import Foundation

/// Travel minutes and metres between the problem's locations: technicians' home bases first (0..<T), then work
/// order sites (T..<T+N). Geographic problems compute on demand from precomputed sines and cosines (no matrix
/// of 5,300² entries to build); matrix problems look up the routing engine's table.
struct TravelTable: Sendable {
    private enum Storage: Sendable {
        case geo(sinLat: [Double], cosLat: [Double], sinLon: [Double], cosLon: [Double], metersPerMinute: Double, roadFactor: Double)
        case matrix(minutes: [Int32], meters: [Int32], size: Int)
    }

    private var storage: Storage
    private(set) var count: Int

    init(problem: Problem) {
        let points = problem.technicians.map(\.homeBase) + problem.orders.map(\.site.location)
        count = points.count
        switch problem.travel {
        case .haversine(let roadFactor, let speedKmh):
            let radians = points.map { ($0.lat * .pi / 180, $0.lon * .pi / 180) }
            storage = .geo(
                sinLat: radians.map { sin($0.0) }, cosLat: radians.map { cos($0.0) },
                sinLon: radians.map { sin($0.1) }, cosLon: radians.map { cos($0.1) },
                metersPerMinute: speedKmh * 1000 / 60, roadFactor: roadFactor)
        case .matrix(let matrix):
            let size = points.count
            // Rows are named by `locations`, or technicians then orders in file order.
            var rowOf = Array(0..<size)
            if let locations = matrix.locations {
                var index: [String: Int] = [:]
                for (row, name) in locations.enumerated() { index[name] = row }
                for (t, technician) in problem.technicians.enumerated() { rowOf[t] = index[technician.id.rawValue] ?? -1 }
                for (o, order) in problem.orders.enumerated() { rowOf[problem.technicians.count + o] = index[order.number.rawValue] ?? -1 }
            }
            // A place the matrix has no row for (an order that arrived after the matrix was made, in a problem that
            // was not validated against it) is out of reach rather than a crash: no day can take it.
            let unreachable = Int(InputLimits.matrixEntry)
            for k in rowOf.indices where rowOf[k] >= matrix.size { rowOf[k] = -1 }
            func seconds(_ a: Int, _ b: Int) -> Int { rowOf[a] < 0 || rowOf[b] < 0 ? unreachable : matrix.seconds(rowOf[a], rowOf[b]) }
            let minutes = Self.table(size) { a, b in Int32((seconds(a, b) + 59) / 60) }
            let meters: [Int32]
            if let distances = matrix.distances, size == matrix.size, rowOf.elementsEqual(0..<size) {
                // Rows in the problem's own order: the metres are the matrix's table itself, not a copy.
                meters = distances
            } else {
                meters = Self.table(size) { a, b in
                    guard rowOf[a] >= 0, rowOf[b] >= 0, let meters = matrix.meters(rowOf[a], rowOf[b]) else {
                        return Int32(clamping: (seconds(a, b) * 30_000 + 1800) / 3600)
                    }
                    return Int32(meters)
                }
            }
            storage = .matrix(minutes: minutes, meters: meters, size: size)
        }
    }

    /// A `size × size` table of `value(a, b)`, 0 on the diagonal.
    private static func table(_ size: Int, _ value: (Int, Int) -> Int32) -> [Int32] {
        var table = [Int32](repeating: 0, count: size * size)
        for a in 0..<size {
            for b in 0..<size where a != b { table[a * size + b] = value(a, b) }
        }
        return table
    }

    /// One more place at the end (a new order's site). False, and nothing changed, for a matrix, which has no
    /// figures for a place it was not built with.
    mutating func append(_ point: GeoPoint) -> Bool {
        guard case .geo(var sinLat, var cosLat, var sinLon, var cosLon, let metersPerMinute, let roadFactor) = storage else { return false }
        // Empty the storage while the arrays grow, so that they are not shared and grow in place.
        storage = .geo(sinLat: [], cosLat: [], sinLon: [], cosLon: [], metersPerMinute: 0, roadFactor: 0)
        let (lat, lon) = (point.lat * .pi / 180, point.lon * .pi / 180)
        sinLat.append(sin(lat))
        cosLat.append(cos(lat))
        sinLon.append(sin(lon))
        cosLon.append(cos(lon))
        storage = .geo(sinLat: sinLat, cosLat: cosLat, sinLon: sinLon, cosLon: cosLon, metersPerMinute: metersPerMinute, roadFactor: roadFactor)
        count += 1
        return true
    }

    /// Driving minutes from `a` to `b`, rounded up; 0 from a place to itself.
    @inline(__always)
    func minutes(_ a: Int, _ b: Int) -> Int {
        if a == b { return 0 }
        switch storage {
        case .geo(_, _, _, _, let metersPerMinute, _):
            return Int((exactMeters(a, b) / metersPerMinute).rounded(.up))
        case .matrix(let minutes, _, let size):
            return Int(minutes[a * size + b])
        }
    }

    /// Minutes and metres from `a` to `b` together: one great-circle computation for both.
    @inline(__always)
    func leg(_ a: Int, _ b: Int) -> (minutes: Int, meters: Int) {
        if a == b { return (0, 0) }
        switch storage {
        case .geo(_, _, _, _, let metersPerMinute, _):
            let meters = exactMeters(a, b)
            return (Int((meters / metersPerMinute).rounded(.up)), Int(meters.rounded()))
        case .matrix(let minutes, let meters, let size):
            return (Int(minutes[a * size + b]), Int(meters[a * size + b]))
        }
    }

    /// Road metres from `a` to `b`.
    @inline(__always)
    func meters(_ a: Int, _ b: Int) -> Int {
        if a == b { return 0 }
        switch storage {
        case .geo: return Int(exactMeters(a, b).rounded())
        case .matrix(_, let meters, let size): return Int(meters[a * size + b])
        }
    }

    /// Haversine from precomputed sines and cosines (sin²(Δ/2) = (1 − cos Δ) / 2), times the road factor.
    @inline(__always)
    private func exactMeters(_ a: Int, _ b: Int) -> Double {
        guard case .geo(let sinLat, let cosLat, let sinLon, let cosLon, _, let roadFactor) = storage else { return 0 }
        let cosDLat = cosLat[a] * cosLat[b] + sinLat[a] * sinLat[b]
        let cosDLon = cosLon[a] * cosLon[b] + sinLon[a] * sinLon[b]
        let h = max(0, min(1, (1 - cosDLat) / 2 + cosLat[a] * cosLat[b] * (1 - cosDLon) / 2))
        return 2 * 6_371_008.8 * asin(h.squareRoot()) * roadFactor
    }
}
