// swift-tools-version: 6.1
import PackageDescription

// The benchmark suite, in a package of its own so that the main build stays light.
// `swift package benchmark` runs the ordo-one suite; `run-comparison.sh` compares with HiGHS.
let package = Package(
    name: "scenario-benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "scenario", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.0", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "AllocationBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "ScenarioBenchmarks", package: "scenario"),
                .product(name: "BudgetModel", package: "scenario"),
                .product(name: "LinearProgramming", package: "scenario"),
            ],
            path: "Benchmarks/AllocationBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
