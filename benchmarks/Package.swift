// swift-tools-version: 6.1
import PackageDescription

// Benchmarks stay out of the main build graph: `cd benchmarks && swift run -c release SchedulerBenchmark`.
let package = Package(
    name: "FieldOpsBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(path: "../"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0", traits: []),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.20.0"),
    ],
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
        .executableTarget(
            name: "SyncLoadBenchmark",
            dependencies: [
                .product(name: "FieldOpsModel", package: "main"),
                .product(name: "FieldOpsStore", package: "main"),
                .product(name: "FieldOpsSync", package: "main"),
                .product(name: "FieldOpsServer", package: "main"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]),
    ],
    swiftLanguageModes: [.v6]
)
