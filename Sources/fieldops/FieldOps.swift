import ArgumentParser

@main
struct FieldOps: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fieldops",
        abstract: "Field-service dispatch: work orders, technicians and their plans.",
        subcommands: [
            Validate.self, PlanCommand.self, ScoreCommand.self, Explain.self, Insert.self, Import.self, Optimize.self, Assign.self, Token.self,
            Exceptions.self, Close.self, Reopen.self, KPI.self, Serve.self, Gantt.self, Stock.self, VRPTW.self, TRSP.self, Generate.self, ImportCSV.self, ExportCSV.self,
        ])
}
