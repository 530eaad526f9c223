// swift-tools-version: 6.1
import Foundation
import PackageDescription

// SwiftPM names a path dependency after its folder, so the checkout's folder name is the package to depend on
// (a clone called `fieldops/` or `main/` alike).
let fieldOps = URL(fileURLWithPath: Context.packageDirectory).deletingLastPathComponent().lastPathComponent.lowercased()

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
                .product(name: "FieldOpsModel", package: fieldOps),
                .product(name: "FieldOpsScheduler", package: fieldOps),
            ]),
        .executableTarget(
            name: "LedgerBenchmark",
            dependencies: [
                .product(name: "FieldOpsModel", package: fieldOps),
                .product(name: "FieldOpsInventory", package: fieldOps),
                .product(name: "FieldOpsStore", package: fieldOps),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]),
        .executableTarget(
            name: "SyncLoadBenchmark",
            dependencies: [
                .product(name: "FieldOpsModel", package: fieldOps),
                .product(name: "FieldOpsStore", package: fieldOps),
                .product(name: "FieldOpsSync", package: fieldOps),
                .product(name: "FieldOpsServer", package: fieldOps),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]),
    ],
    swiftLanguageModes: [.v6]
)
