import FieldOpsModel
import FieldOpsScheduler

import Foundation

/// Pillac, Guéret & Medaglia's technician routing and scheduling instances: a Solomon instance's requests plus
/// technicians with a home, a shift, skills, tools and a spare-part inventory; each request needs one skill, some
/// tools and some spare parts (a technician short of a tool or part restocks at the depot during the day).
public struct TRSPInstance: Hashable, Sendable {
    public struct Site: Hashable, Sendable {
        public var x: Double
        public var y: Double
        public var windowStart: Double
        public var windowEnd: Double
        public var service: Double
        public var skills: [Int]
        public var tools: [Int]
        /// One count per spare-part type.
        public var parts: [Int]
    }

    public var name: String
    public var skillTypes: Int
    public var toolTypes: Int
    public var partTypes: Int
    public var depot: Site
    public var technicians: [Site]
    public var requests: [Site]

    /// Reads `C101.100_25-5-5-5.txt`.
    public static func read(_ text: String, file: String) throws(InstanceFileError) -> TRSPInstance {
        func fail(_ line: Int?, _ message: String) -> InstanceFileError { InstanceFileError(file: file, line: line, message: message) }
        let lines = text.replacingOccurrences(of: "\r", with: "").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let name = lines.first?.trimmingCharacters(in: .whitespaces), !name.isEmpty else { throw fail(nil, "the file is empty") }
        guard let info = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "INFO" }), info + 2 < lines.count else {
            throw fail(nil, "no INFO section; not a Pillac TRSP instance")
        }
        let counts = lines[info + 2].split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
        guard counts.count == 4 else { throw fail(info + 3, "expected crew count, skills, tools, spare parts") }
        guard let table = lines.firstIndex(where: { $0.hasPrefix("DEPOT TECHNICIANS AND REQUESTS") }) else {
            throw fail(nil, "no DEPOT TECHNICIANS AND REQUESTS section")
        }
        var sites: [Site] = []
        for index in (table + 2)..<lines.count where !lines[index].trimmingCharacters(in: .whitespaces).isEmpty {
            let line = lines[index]
            guard let bracket = line.firstIndex(of: "[") else { throw fail(index + 1, "expected three bracketed lists") }
            let numbers = line[..<bracket].split(whereSeparator: \.isWhitespace).compactMap { Double($0) }
            // Three bracketed lists, each possibly empty: "[1,3]\t[]\t[0,2,1]".
            let lists = line[bracket...].split(separator: "]", omittingEmptySubsequences: false).dropLast()
                .map { $0.replacingOccurrences(of: "[", with: "").trimmingCharacters(in: .whitespaces) }
            guard numbers.count == 6, lists.count == 3 else { throw fail(index + 1, "expected ID X Y TWS TWE Serv and three lists") }
            var values: [[Int]] = []
            for list in lists {
                let items = list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                let parsed = items.compactMap { Int($0) }
                guard parsed.count == items.count else { throw fail(index + 1, "expected whole numbers in [\(list)]") }
                values.append(parsed)
            }
            // The depot (row 0) carries nothing; every other row has one count per spare-part type.
            guard sites.isEmpty || values[2].count == counts[3] else {
                throw fail(index + 1, "expected \(counts[3]) spare-part counts, found \(values[2].count)")
            }
            guard Int(numbers[0]) == sites.count else { throw fail(index + 1, "row \(Int(numbers[0])) out of order; expected \(sites.count)") }
            sites.append(Site(x: numbers[1], y: numbers[2], windowStart: numbers[3], windowEnd: numbers[4], service: numbers[5],
                              skills: values[0], tools: values[1], parts: values[2]))
        }
        let crew = counts[0]
        guard sites.count > crew + 1 else { throw fail(nil, "\(sites.count) rows; expected the depot, \(crew) technicians and the requests") }
        return TRSPInstance(name: name, skillTypes: counts[1], toolTypes: counts[2], partTypes: counts[3], depot: sites[0],
                            technicians: Array(sites[1...crew]), requests: Array(sites[(crew + 1)...]))
    }
}
