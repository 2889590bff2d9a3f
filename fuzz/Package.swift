// swift-tools-version: 6.0
import PackageDescription

// libFuzzer harnesses for the parsers that read what people type or other tools write:
// scenario files, MPS files, `--cut` values, and the CSV and xlsx spreadsheets of `scenario import`, and plan files. A package of its own, so the main build and
// `swift test` never see the fuzzer flags. Build and run with `make fuzz` from the root
// (see README, "Limits and guarantees"); each target defines `LLVMFuzzerTestOneInput` and
// hands itself to libFuzzer's driver (linked by `-sanitize=fuzzer`) from its main.swift.
let package = Package(
    name: "scenario-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "scenario", path: ".."),
    ],
    targets: [
        // The declaration of libFuzzer's `LLVMFuzzerRunDriver`.
        .systemLibrary(name: "CLibFuzzer"),
        .executableTarget(
            name: "FuzzScenarioDecoder",
            dependencies: ["CLibFuzzer", .product(name: "BudgetModel", package: "scenario")]
        ),
        .executableTarget(
            name: "FuzzMPSReader",
            dependencies: ["CLibFuzzer", .product(name: "LinearProgramming", package: "scenario")]
        ),
        .executableTarget(
            name: "FuzzCutRange",
            dependencies: ["CLibFuzzer", .product(name: "BudgetModel", package: "scenario")]
        ),
        .executableTarget(
            name: "FuzzCSVImport",
            dependencies: ["CLibFuzzer", .product(name: "BudgetModel", package: "scenario")]
        ),
        .executableTarget(
            name: "FuzzXLSXImport",
            dependencies: ["CLibFuzzer", .product(name: "BudgetModel", package: "scenario")]
        ),
        .executableTarget(
            name: "FuzzPlan",
            dependencies: ["CLibFuzzer", .product(name: "BudgetModel", package: "scenario")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
