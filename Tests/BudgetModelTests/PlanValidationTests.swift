import BudgetModel
import Testing

/// The checks of the `[plan]` table and the service plan keys (SCENARIO-SPEC sections 2 and
/// 11): every problem reported at once, each with its line, column and table.
@Suite struct PlanValidationTests {
    /// A plan header then `services` (one fund first).
    static func plan(_ planLines: String, services: String) -> String {
        """
        title = "P"

        [plan]
        \(planLines)

        [[fund]]
        id = "grant"
        amount = 1000

        \(services)
        """
    }

    @Test func everyPlanProblemIsReportedWithItsPlace() {
        let text = Self.plan(
            """
            base_year = "2016/18"
            years = ["2017/18", "2019/20"]
            year_starts = "02-29"
            inflaton = "2%"
            inflation = 3
            """,
            services: """
            [[service]]
            id = "a"
            baseline = 1
            starts = "2017-02-30"

            [[service]]
            id = "b"
            baseline = 1
            starts = 2018-01-01
            ends = "2017-12-31"
            fixed_until = 2019-01-01
            uplift = "-1%"
            """)
        #expect(issueLines(text) == [
            #"t.toml:4:1: [plan]: "base_year" must be a financial year written "YYYY/YY", such as "2017/18" (got "2016/18")"#,
            #"t.toml:5:1: [plan]: "years" are not consecutive: "2019/20" does not follow "2017/18""#,
            #"t.toml:6:1: [plan]: "year_starts" must be a day written "MM-DD" that every year has, such as "04-01" (got "02-29")"#,
            #"t.toml:7:1: [plan]: unknown key "inflaton"; did you mean "inflation"?"#,
            #"t.toml:8:1: [plan]: "inflation" must be a yearly percentage such as "2.5%" (got an integer)"#,
            #"t.toml:17:1: [[service]] "a": "starts" names a day that does not exist: "2017-02-30""#,
            #"t.toml:23:1: [[service]] "b": the service ends on 2017-12-31, before it starts on 2018-01-01"#,
            #"t.toml:24:1: [[service]] "b": the contract runs to 2019-01-01, after the service ends on 2017-12-31"#,
            #"t.toml:25:1: [[service]] "b": "uplift" must be from 0% to 100% a year (got "-1%")"#,
        ])
    }

    @Test func yearsMustFollowTheBaseYearOneByOne() {
        let text = Self.plan(
            #"base_year = "2016/17"\#nyears = ["2018/19", "2019/20", "2021/22"]"#,
            services: "[[service]]\nid = \"b\"\nbaseline = 1\nstarts = 2018-01-01T10:00:00\nends = \"2018/12/31\"")
        #expect(issueLines(text) == [
            #"t.toml:5:1: [plan]: "years" must start with the year after base_year "2016/17", that is "2017/18", not "2018/19""#,
            #"t.toml:5:1: [plan]: "years" are not consecutive: "2021/22" does not follow "2019/20""#,
            #"t.toml:14:1: [[service]] "b": "starts" must be a date such as 2017-10-01, not a date-time"#,
            #"t.toml:15:1: [[service]] "b": "ends" must be a date written YYYY-MM-DD, such as 2017-10-01 (got "2018/12/31")"#,
        ])
    }

    @Test func planKeysNeedAPlanAndRequiredKeysAreNamed() {
        let noPlan = minimalScenario(appending: "uplift = \"2%\"\nends = 2018-03-31\n")
        #expect(issueLines(noPlan) == [
            #"t.toml:10:1: [[service]] "hub": "uplift" needs a [plan] table: a service's dates and uplift mean something only in a plan over years (add [plan] with base_year and years)"#,
            #"t.toml:11:1: [[service]] "hub": "ends" needs a [plan] table: a service's dates and uplift mean something only in a plan over years (add [plan] with base_year and years)"#,
        ])
        let empty = Self.plan("carry_forward = \"yes\"\nyears = []", services: "[[service]]\nid = \"b\"\nbaseline = 1")
        #expect(issueLines(empty) == [
            #"t.toml:3:1: [plan]: missing required key "base_year""#,
            #"t.toml:4:1: [plan]: "carry_forward" must be true or false, not a string"#,
            #"t.toml:5:1: [plan]: "years" must name at least one year, such as ["2017/18"]"#,
        ])
    }

    @Test func aContractBeforeTheServiceStartsAndAnUpliftTooLarge() {
        let text = Self.plan(
            #"base_year = "2016/17"\#nyears = ["2017/18"]\#ninflation = "150%""#,
            services: "[[service]]\nid = \"b\"\nbaseline = 1\nstarts = 2017-10-01\nfixed_until = \"2017-09-30\"")
        #expect(issueLines(text) == [
            #"t.toml:6:1: [plan]: "inflation" must be from 0% to 100% a year (got "150%")"#,
            #"t.toml:16:1: [[service]] "b": the contract ends on 2017-09-30, before the service starts on 2017-10-01"#,
        ])
    }

    @Test func aValidPlanDecodesWithItsDefaults() throws {
        let text = Self.plan(
            #"base_year = "2016/17"\#nyears = ["2017/18", "2018/19"]"#,
            services: "[[service]]\nid = \"b\"\nbaseline = 1\nstarts = \"2017-10-01\"\nuplift = \"3%\"")
        let plan = try #require(try ScenarioDecoder.decode(text, fileName: "t.toml").plan)
        #expect(plan.years.map(\.description) == ["2017/18", "2018/19"])
        #expect(plan.yearStart == .april && plan.inflationPercent == 0 && !plan.carryForward)
        #expect(plan.schedules == [ServiceSchedule(upliftPercent: 3, starts: PlanDate(year: 2017, month: 10, day: 1))])
        #expect(try ScenarioDecoder.decode(minimalScenario(), fileName: "t.toml").plan == nil)
    }
}
