/// The semantic checks of SCENARIO-SPEC section 2, for scenarios read from a file and for
/// scenarios built in code.
///
/// What is checked, beyond types and unknown keys (which only a file can get wrong):
/// - required keys (`title`; `id` and `amount` of a fund; `id` and `baseline` of a service;
///   `id` and `services` of a group), at least one fund and at least one service;
/// - `currency` is three upper-case letters; `unit` is finite and greater than 0, has at most
///   six decimal places, and is not so fine that the scenario's largest figure, counted in
///   the unit's last decimal place, exceeds 2^53 (`DraftChecker.checkUnitPrecision`);
/// - money is finite and not negative (`baseline` greater than 0), `weight` finite and not
///   negative, percentages not below 0%; and no amount, percentage or resolved service percentage above
///   1e15, too large to compute with to the penny; and no baseline or request below a millionth of
///   the largest fund, baseline or request, too small beside it for the solver's tolerances;
/// - a new bid (section 12): `request` greater than 0, with `baseline = 0`; a baseline of 0
///   without a `request`, a `request` beside a baseline above 0 and a protected bid are rejected
///   (`DraftChecker.checkBaselineAndRequest`);
/// - `title`, `source` and names hold no control character, line separator or
///   bidirectional override (`isUnprintable`);
/// - ids match `[a-z0-9][a-z0-9_-]*` and are unique among funds, among services and among
///   groups; `ring_fenced_for` and group `services` are non-empty, name existing services
///   and name none twice;
/// - a service's `min` is not above its `max` (both as amounts of its baseline, or of a
///   bid's request), and a protected service's `max` is not below its baseline;
/// - a group has `min` or `max`; its `min` is not above its `max` when both are amounts or
///   both percentages (of the same envelope);
/// - no amount of money can help a group whose amount `max` is below the sum of its members'
///   lower bounds (`min`, or the baseline when protected), or whose amount `min` is above the
///   sum of its members' maxima: both are rejected.
///
/// - areas (SCENARIO-SPEC section 13): `DraftChecker.checkAreas`.
///
/// Not checked, because extra unrestricted money could always help or because it depends
/// on the cut: a service whose lower bound exceeds the funds it may draw on, and any limit
/// stated as a percentage of the envelope against amounts. Those are infeasibilities at some
/// cut, which are results (SCENARIO-SPEC section 6).
public enum ScenarioValidator {
    /// Every problem in `scenario`, each naming the table it is in (positions are not known
    /// for a scenario built in code). Empty when the scenario is valid.
    public static func validate(_ scenario: Scenario, fileName: String) -> [ScenarioIssue] {
        problems(in: DraftScenario(scenario)).map {
            ScenarioIssue(file: fileName, table: $0.table?.label, message: $0.message)
        }
    }

    /// Every semantic problem in a draft, in the order: top level, funds, services, groups.
    /// For a plan (`isPlan`) a `step` is checked against each planned year's bounds by
    /// `PlanReader.stepProblems`, not here against the base year's.
    static func problems(in draft: DraftScenario, isPlan: Bool = false) -> [ScenarioProblem] {
        var checker = DraftChecker(draft: draft, stepsCheckedPerYear: isPlan)
        checker.checkTopLevel()
        checker.checkFunds()
        checker.checkServices()
        checker.checkGroups()
        checker.checkAreas()
        checker.checkUnitPrecision()
        checker.checkPrintableText()
        return checker.problems
    }
}
