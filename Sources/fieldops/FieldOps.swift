import ArgumentParser

@main
struct FieldOps: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fieldops",
        abstract: "Field-service dispatch: work orders, technicians, plans.",
        subcommands: [])
}
