// swift-tools-version: 6.0
import PackageDescription

// Engine modules (Model, Reports; later Scheduler, Inventory, Sync) use only the standard library and Foundation.
// Argument parsing, storage and HTTP live at the edges (the `fieldops` tool; later Store and Server).
let package = Package(
    name: "FieldOps",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "fieldops", targets: ["fieldops"]),
        .library(name: "FieldOpsModel", targets: ["FieldOpsModel"]),
        .library(name: "FieldOpsScheduler", targets: ["FieldOpsScheduler"]),
        .library(name: "FieldOpsInventory", targets: ["FieldOpsInventory"]),
        .library(name: "FieldOpsStore", targets: ["FieldOpsStore"]),
        .library(name: "FieldOpsReports", targets: ["FieldOpsReports"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
    ],
    targets: [
        .target(name: "FieldOpsModel"),
        .target(name: "FieldOpsScheduler", dependencies: ["FieldOpsModel"]),
        .target(name: "FieldOpsInventory", dependencies: ["FieldOpsModel"]),
        .target(
            name: "FieldOpsStore",
            dependencies: ["FieldOpsModel", "FieldOpsInventory", .product(name: "GRDB", package: "GRDB.swift")]),
        .target(name: "FieldOpsReports", dependencies: ["FieldOpsModel", "FieldOpsScheduler"]),
        .executableTarget(
            name: "fieldops",
            dependencies: [
                "FieldOpsModel",
                "FieldOpsReports",
                "FieldOpsScheduler",
                "FieldOpsInventory",
                "FieldOpsStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "FieldOpsModelTests", dependencies: ["FieldOpsModel"], resources: [.copy("Fixtures")]),
        .testTarget(name: "FieldOpsSchedulerTests", dependencies: ["FieldOpsScheduler", "FieldOpsModel"]),
        .testTarget(name: "FieldOpsInventoryTests", dependencies: ["FieldOpsInventory", "FieldOpsModel", "FieldOpsStore"]),
        .testTarget(name: "FieldOpsReportsTests", dependencies: ["FieldOpsReports", "FieldOpsModel"]),
        .testTarget(name: "fieldopsTests", dependencies: ["fieldops"]),
    ],
    swiftLanguageModes: [.v6]
)
