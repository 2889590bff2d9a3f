/// Golden outputs of `ScenarioGenerator`: a change to the generator that changes them
/// changes every benchmark figure recorded in benchmarks/README.md, so it must be deliberate.
enum GenerationGolden {
    /// SHA-256 of `scenario generate --services 1000 --funds 50 --groups 100 --seed 1`.
    static let largeModelSHA256 = "4614662d44c15a39c733b2fdfa241fb8a4345bb26ad19fcb30a260b10c3f8b6a"

    /// `scenario generate --services 3 --funds 2 --groups 1 --seed 42 --mode weighted`.
    static let smallWeighted = """
        title = "Synthetic scenario: 3 services, 2 funds, 1 group (seed 42)"
        currency = "GBP"
        source = "scenario generate, seed 42: synthetic figures, not real data"
        unit = 1

        [objective]
        mode = "weighted"

        [[fund]]
        id = "fund-1"
        name = "Main grant"
        amount = 1110000

        [[fund]]
        id = "fund-2"
        name = "Grant 2"
        amount = 16000

        [[service]]
        id = "service-1"
        name = "Service 1"
        baseline = 403000
        min = "25%"
        protected = true
        weight = 2.25

        [[service]]
        id = "service-2"
        name = "Service 2"
        baseline = 221000
        min = 66000
        weight = 1.5

        [[service]]
        id = "service-3"
        name = "Service 3"
        baseline = 481000
        min = "60%"
        weight = 2.25

        [[group]]
        id = "group-1"
        name = "Group 1"
        services = ["service-1", "service-2", "service-3"]
        max = "119.48%"

        """
}
