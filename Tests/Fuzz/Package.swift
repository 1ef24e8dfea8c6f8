// swift-tools-version:6.0
import PackageDescription

// libFuzzer targets for factlint's parsers. Kept out of the root package so `swift build` and
// `swift test` there never compile them; `scripts/fuzz` builds and runs them:
//
//     swift build -c release --package-path Tests/Fuzz -Xswiftc -sanitize=fuzzer,address
//
// SwiftPM names an executable's entry point after its module, so libFuzzer's own `main` cannot
// be used: each target has an `@main` that hands its `LLVMFuzzerTestOneInput` to
// `LLVMFuzzerRunDriver`, declared for Swift by the `FuzzDriver` C module.
let fuzzerFlags: [SwiftSetting] = [.unsafeFlags(["-parse-as-library"])]

let package = Package(
    name: "factlint-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "factlint", path: "../.."),
    ],
    targets: [
        .target(name: "FuzzDriver", path: "Sources/FuzzDriver"),
        .executableTarget(
            name: "fuzz-figures",
            dependencies: ["FuzzDriver", .product(name: "FactlintFigures", package: "factlint")],
            path: "Sources/fuzz-figures",
            swiftSettings: fuzzerFlags
        ),
        .executableTarget(
            name: "fuzz-document",
            dependencies: ["FuzzDriver", .product(name: "FactlintKit", package: "factlint")],
            path: "Sources/fuzz-document",
            swiftSettings: fuzzerFlags
        ),
        .executableTarget(
            name: "fuzz-template",
            dependencies: ["FuzzDriver", .product(name: "FactlintKit", package: "factlint")],
            path: "Sources/fuzz-template",
            swiftSettings: fuzzerFlags
        ),
        .executableTarget(
            name: "fuzz-rules",
            dependencies: ["FuzzDriver", .product(name: "FactlintKit", package: "factlint")],
            path: "Sources/fuzz-rules",
            swiftSettings: fuzzerFlags
        ),
    ]
)
