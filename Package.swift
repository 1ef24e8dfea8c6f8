// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "factlint",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "factlint", targets: ["factlint"]),
        .library(name: "FactlintKit", targets: ["FactlintKit"]),
        .library(name: "FactlintFigures", targets: ["FactlintFigures"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // Text in, typed figures out. No dependencies, so it can be fuzzed and benchmarked alone.
        .target(name: "FactlintFigures"),
        // Documents, templates, rules, the engine, findings and reporters.
        .target(
            name: "FactlintKit",
            dependencies: [
                "FactlintFigures",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // The command line: argument parsing, I/O and the exit code, nothing else.
        .executableTarget(
            name: "factlint",
            dependencies: [
                "FactlintKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(
            name: "FactlintTestSupport",
            dependencies: ["FactlintKit", "FactlintFigures"],
            path: "Tests/FactlintTestSupport"
        ),
        .testTarget(
            name: "FactlintFiguresTests",
            dependencies: ["FactlintFigures", "FactlintTestSupport"]
        ),
        .testTarget(
            name: "FactlintKitTests",
            dependencies: ["FactlintKit", "FactlintTestSupport"]
        ),
        .testTarget(
            name: "FactlintCommandLineTests",
            dependencies: ["FactlintTestSupport", "FactlintKit", "factlint"],
            exclude: ["Golden"]
        ),
    ]
)
