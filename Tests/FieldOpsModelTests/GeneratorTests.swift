import FieldOpsModel
import Foundation
import Testing

@Suite struct GeneratorTests {
    @Test func theSameSeedGivesTheSameProblem() {
        let a = ProblemGenerator(.init(technicians: 20, orders: 150, days: 2, seed: 42)).generate()
        let b = ProblemGenerator(.init(technicians: 20, orders: 150, days: 2, seed: 42)).generate()
        let c = ProblemGenerator(.init(technicians: 20, orders: 150, days: 2, seed: 43)).generate()
        #expect(a == b)
        #expect(a != c)
    }

    @Test(arguments: [UInt64(1), 2, 3, 4, 5])
    func generatedProblemsHaveNoErrors(seed: UInt64) throws {
        let problem = ProblemGenerator(.init(technicians: 30, orders: 300, days: 3, seed: seed)).generate()
        let errors = ProblemValidator.issues(in: problem).filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors)")
    }

    /// The demo file in the repository is exactly what the documented command makes, so anyone can rebuild it.
    @Test func theDemoProblemIsTheGeneratorsOutput() throws {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("data/demo/problem.json")
        let demo = try ProblemFileReader.load(contentsOf: url.path)
        let generated = ProblemGenerator(.init(technicians: 45, orders: 420, days: 1, seed: 7, name: "Demo city day (Berlin)")).generate()
        #expect(demo.problem == generated)
        #expect(demo.warnings.allSatisfy { $0.severity == .warning })
    }

    @Test func theDemoIsARealisticCityDay() {
        let problem = ProblemGenerator(.init(technicians: 45, orders: 420, days: 1, seed: 7)).generate()
        #expect(problem.technicians.count >= 40)
        #expect(problem.orders.count >= 400)
        for priority in Priority.allCases {
            #expect(problem.orders.filter { $0.priority == priority }.count >= 10, "orders of \(priority)")
        }
        #expect(problem.orders.filter(\.customer.vip).count >= 10)
        #expect(problem.orders.filter { $0.lock != nil }.count >= 5)
        #expect(problem.orders.filter { !$0.windows.isEmpty }.count >= 100)
        #expect(problem.orders.filter { !$0.requiredParts.isEmpty }.count >= 50)
        #expect(Set(problem.technicians.flatMap { $0.skills.map(\.level) }).count == 5, "every level occurs")
        #expect(Set(problem.technicians.map { $0.shifts.first?.start }).count >= 3, "varied shifts")
        #expect(problem.technicians.contains { $0.name.unicodeScalars.contains { $0.value >= 0x4E00 && $0.value <= 0x9FFF } })
        #expect(problem.parts.count >= 20)
    }
}
