/// One value per priority, written in files as `{"P1": …, "P2": …, "P3": …, "P4": …}`.
public struct PerPriority<Value: Hashable & Sendable>: Hashable, Sendable {
    public var p1: Value
    public var p2: Value
    public var p3: Value
    public var p4: Value

    public init(p1: Value, p2: Value, p3: Value, p4: Value) {
        self.p1 = p1
        self.p2 = p2
        self.p3 = p3
        self.p4 = p4
    }

    public subscript(priority: Priority) -> Value {
        get {
            switch priority {
            case .p1: p1
            case .p2: p2
            case .p3: p3
            case .p4: p4
            }
        }
        set {
            switch priority {
            case .p1: p1 = newValue
            case .p2: p2 = newValue
            case .p3: p3 = newValue
            case .p4: p4 = newValue
            }
        }
    }
}

extension PerPriority: Codable where Value: Codable {
    enum CodingKeys: String, CodingKey {
        case p1 = "P1", p2 = "P2", p3 = "P3", p4 = "P4"
    }
}
