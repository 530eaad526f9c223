import FieldOpsModel
import FieldOpsScheduler

import Foundation

/// A vehicle routing problem with time windows as the literature states it: node 0 is the depot, nodes 1…n the
/// customers (Solomon numbering); Euclidean distances, travel time equal to distance, service starting inside
/// `[ready, due]`.
public struct VRPTWInstance: Hashable, Sendable {
    public struct Node: Hashable, Sendable {
        public var x: Double
        public var y: Double
        public var demand: Int
        public var ready: Double
        public var due: Double
        public var service: Double
    }

    public var name: String
    public var vehicles: Int
    public var capacity: Int
    public var nodes: [Node]

    public var customers: Int { nodes.count - 1 }

    /// Euclidean distance in double precision.
    public func distance(_ a: Int, _ b: Int) -> Double {
        let dx = nodes[a].x - nodes[b].x
        let dy = nodes[a].y - nodes[b].y
        return (dx * dx + dy * dy).squareRoot()
    }
}

/// A file that is not what its reader expects, with where.
public struct InstanceFileError: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var message: String

    public var description: String { "\(file)\(line.map { ":\($0)" } ?? ""): \(message)" }
}
