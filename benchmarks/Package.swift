// swift-tools-version: 6.0
import PackageDescription

// Benchmarks stay out of the main build graph: `cd benchmarks && swift run -c release SchedulerBenchmark`.
let package = Package(
    name: "FieldOpsBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [.package(path: "../")],
    targets: [
        .executableTarget(
            name: "SchedulerBenchmark",
            dependencies: [
                .product(name: "FieldOpsModel", package: "main"),
                .product(name: "FieldOpsScheduler", package: "main"),
            ],
            swiftSettings: [.unsafeFlags(["-Ounchecked"])]),
    ],
    swiftLanguageModes: [.v6]
)
