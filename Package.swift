// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "scenario",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "scenario", targets: ["scenario"]),
        .library(name: "LinearProgramming", targets: ["LinearProgramming"]),
        .library(name: "LPCertificates", targets: ["LPCertificates"]),
        .library(name: "BudgetModel", targets: ["BudgetModel"]),
        .library(name: "BudgetReports", targets: ["BudgetReports"]),
        .library(name: "ScenarioBenchmarks", targets: ["ScenarioBenchmarks"]),
        .library(name: "ScenarioCommandLine", targets: ["ScenarioCommandLine"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // LAPACK from liblapack-dev, through our own header of Fortran prototypes.
        .systemLibrary(
            name: "CLAPACK",
            pkgConfig: "lapack",
            providers: [.apt(["liblapack-dev"])]
        ),
        // The LP model, MPS files and the simplex solver.
        .target(name: "LinearProgramming", dependencies: ["CLAPACK"]),
        // An optimality / infeasibility certificate checker that shares no code with the solver.
        .target(name: "LPCertificates", dependencies: ["LinearProgramming"]),
        // Scenario files, validation, the allocation LP, the allocation rule and sweeps; services
        // and funds read from spreadsheets (CSV, and xlsx unzipped by ZIPFoundation).
        .target(
            name: "BudgetModel",
            dependencies: [
                "LinearProgramming", .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // Money formatting, rounding for reports, and one writer per output format (the xlsx
        // workbook is zipped by ZIPFoundation).
        .target(
            name: "BudgetReports",
            dependencies: ["BudgetModel", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        // In-process timings of the solver and sweeps (`scenario bench`, and the suite in benchmarks/).
        .target(name: "ScenarioBenchmarks", dependencies: ["BudgetModel", "LinearProgramming"]),
        // What the commands share: scenario input, the --cut parser, safe output files, write
        // errors, signals and the exit statuses.
        .target(
            name: "ScenarioCommandLine",
            dependencies: [
                "LinearProgramming", "LPCertificates", "BudgetModel", "BudgetReports",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The command line: thin subcommands over the libraries.
        .executableTarget(
            name: "scenario",
            dependencies: [
                "LinearProgramming", "LPCertificates", "BudgetModel", "BudgetReports", "ScenarioBenchmarks",
                "ScenarioCommandLine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "LinearProgrammingTests", dependencies: ["LinearProgramming", "LPCertificates"]),
        .testTarget(name: "BudgetModelTests", dependencies: ["BudgetModel", "LPCertificates"]),
        .testTarget(name: "BudgetReportsTests", dependencies: ["BudgetReports"], exclude: ["Golden"]),
        .testTarget(name: "ScenarioBenchmarksTests", dependencies: ["ScenarioBenchmarks", "LPCertificates"]),
        .testTarget(name: "ScenarioCLITests", dependencies: ["BudgetModel"], exclude: ["Golden"]),
        .testTarget(
            name: "ScenarioCommandLineTests",
            dependencies: [
                "ScenarioCommandLine", "BudgetModel", "BudgetReports", "LinearProgramming", "LPCertificates",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
