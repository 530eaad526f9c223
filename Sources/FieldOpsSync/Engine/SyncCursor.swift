import Foundation

/// The opaque cursor a device sends back: which database it came from, and where in the change sequence (or in
/// the initial snapshot) the device is. Never a clock.
struct SyncCursor: Equatable {
    enum Position: Equatable {
        /// Priming: the snapshot as of change `upTo`, entities of kind `kind` after key `after`.
        case prime(upTo: Int64, kind: Int, after: String)
        /// Changes after sequence number `seq`.
        case changes(after: Int64)
    }

    var instance: String
    var position: Position

    var encoded: String {
        let text: String
        switch position {
        case .prime(let upTo, let kind, let after): text = "1|\(instance)|p|\(upTo)|\(kind)|\(after)"
        case .changes(let seq): text = "1|\(instance)|c|\(seq)"
        }
        return Data(text.utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    init(instance: String, position: Position) {
        self.instance = instance
        self.position = position
    }

    /// Nil for anything this server did not make.
    init?(decoding text: String) {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        guard text.count < 2_000, let data = Data(base64Encoded: base64), let decoded = String(data: data, encoding: .utf8) else { return nil }
        let parts = decoded.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 4, parts[0] == "1" else { return nil }
        instance = parts[1]
        switch parts[2] {
        case "p":
            guard parts.count >= 6, let upTo = Int64(parts[3]), let kind = Int(parts[4]) else { return nil }
            position = .prime(upTo: upTo, kind: kind, after: parts[5...].joined(separator: "|"))
        case "c":
            guard let seq = Int64(parts[3]) else { return nil }
            position = .changes(after: seq)
        default:
            return nil
        }
    }
}
