// swift-tools-version: 6.0
import PackageDescription

// Benchmarks stay out of the main build graph: `cd benchmarks && swift run -c release SchedulerBenchmark`.
let package = Package(
    name: "FieldOpsBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [.package(path: "../"), .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0")],
    targets: [
        .executableTarget(
            name: "SchedulerBenchmark",
            dependencies: [
                .product(name: "FieldOpsModel", package: "main"),
                .product(name: "FieldOpsScheduler", package: "main"),
            ],
            swiftSettings: [.unsafeFlags(["-Ounchecked"])]),
        .executableTarget(
            name: "LedgerBenchmark",
            dependencies: [
                .product(name: "FieldOpsModel", package: "main"),
                .product(name: "FieldOpsInventory", package: "main"),
                .product(name: "FieldOpsStore", package: "main"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]),
    ],
    swiftLanguageModes: [.v6]
)
