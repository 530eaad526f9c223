// swift-tools-version: 6.1
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
        .library(name: "FieldOpsLiterature", targets: ["FieldOpsLiterature"]),
        .library(name: "FieldOpsInventory", targets: ["FieldOpsInventory"]),
        .library(name: "FieldOpsStore", targets: ["FieldOpsStore"]),
        .library(name: "FieldOpsSync", targets: ["FieldOpsSync"]),
        .library(name: "FieldOpsServer", targets: ["FieldOpsServer"]),
        .library(name: "FieldOpsReports", targets: ["FieldOpsReports"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        // Without the swift-configuration trait: it adds build time and nothing FieldOps uses.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0", traits: []),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
        // Already in the graph through Hummingbird; declared because the server's read timeout is a NIO handler.
        .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.20.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
    ],
    targets: [
        .target(name: "FieldOpsModel"),
        .target(name: "FieldOpsScheduler", dependencies: ["FieldOpsModel"]),
        // The literature's benchmarks (Solomon, Gehring–Homberger, Pillac): readers, checkers, and the solvers that
        // run them, kept out of the engine library.
        .target(name: "FieldOpsLiterature", dependencies: ["FieldOpsModel", "FieldOpsScheduler"]),
        .target(name: "FieldOpsInventory", dependencies: ["FieldOpsModel"]),
        .target(name: "FieldOpsSync", dependencies: ["FieldOpsModel", "FieldOpsInventory"]),
        .target(
            name: "FieldOpsStore",
            dependencies: [
                "FieldOpsModel", "FieldOpsInventory", "FieldOpsSync",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]),
        .target(
            name: "FieldOpsServer",
            dependencies: [
                "FieldOpsModel", "FieldOpsSync", "FieldOpsStore", "FieldOpsScheduler",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]),
        .target(name: "FieldOpsReports", dependencies: ["FieldOpsModel"]),
        .executableTarget(
            name: "fieldops",
            dependencies: [
                "FieldOpsModel",
                "FieldOpsReports",
                "FieldOpsScheduler",
                "FieldOpsLiterature",
                "FieldOpsInventory",
                "FieldOpsStore",
                "FieldOpsServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "FieldOpsModelTests", dependencies: ["FieldOpsModel"], resources: [.copy("Fixtures")]),
        .testTarget(name: "FieldOpsSchedulerTests", dependencies: ["FieldOpsScheduler", "FieldOpsModel", "FieldOpsReports"]),
        .testTarget(name: "FieldOpsLiteratureTests", dependencies: ["FieldOpsLiterature", "FieldOpsScheduler"]),
        .testTarget(name: "FieldOpsInventoryTests", dependencies: ["FieldOpsInventory", "FieldOpsModel", "FieldOpsStore"]),
        // Fixtures the store, sync and server tests share (a target of its own: test targets cannot import each other).
        .target(name: "FieldOpsTestSupport", dependencies: ["FieldOpsModel", "FieldOpsStore", "FieldOpsSync"], path: "Tests/FieldOpsTestSupport"),
        .testTarget(name: "FieldOpsSyncTests", dependencies: ["FieldOpsSync", "FieldOpsModel"]),
        .testTarget(
            name: "FieldOpsStoreTests",
            dependencies: [
                "FieldOpsStore", "FieldOpsSync", "FieldOpsModel", "FieldOpsInventory", "FieldOpsReports", "FieldOpsTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]),
        .testTarget(
            name: "FieldOpsServerTests",
            dependencies: [
                "FieldOpsServer", "FieldOpsStore", "FieldOpsSync", "FieldOpsModel", "FieldOpsInventory", "FieldOpsTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]),
        .testTarget(
            name: "FieldOpsReportsTests", dependencies: ["FieldOpsReports", "FieldOpsModel", "FieldOpsScheduler"],
            resources: [.copy("Fixtures")]),
        .testTarget(name: "fieldopsTests", dependencies: ["fieldops"]),
    ],
    swiftLanguageModes: [.v6]
)
