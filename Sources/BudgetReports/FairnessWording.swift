import BudgetModel

/// The allocation rule in words (SCENARIO-SPEC sections 4 and 14): what each fairness measure
/// equalises, and the sentence every report prints to say which rule made its figures.
public enum FairnessWording {
    /// The measure as a board paper names it: "equal percentage cuts", "equal cash cuts",
    /// "equal awards".
    public static func name(_ measure: FairnessMeasure) -> String {
        switch measure {
        case .relative: return "equal percentage cuts"
        case .cash: return "equal cash cuts"
        case .award: return "equal awards"
        }
    }

    /// A column heading for the measure: "Equal % cuts", "Equal cash cuts", "Equal awards".
    public static func heading(_ measure: FairnessMeasure) -> String {
        switch measure {
        case .relative: return "Equal % cuts"
        case .cash: return "Equal cash cuts"
        case .award: return "Equal awards"
        }
    }

    /// What the measure does within a priority, as a sentence ending in a full stop.
    public static func definition(_ measure: FairnessMeasure) -> String {
        switch measure {
        case .relative:
            return "within a priority every service takes the same percentage cut from its baseline, "
                + "except where a limit stops it (leximin on (baseline - allocation) / baseline)."
        case .cash:
            return "within a priority every service takes the same cut in money from its baseline, "
                + "except where a limit stops it (leximin on baseline - allocation)."
        case .award:
            return "within a priority every service gets the same amount, the smallest raised first, "
                + "except where a limit stops it (leximin on -allocation)."
        }
    }

    /// The rule `scenario` is allocated by, as one line: "Rule: priority tiers, highest first;
    /// equal percentage cuts within each ([objective] fairness = "relative")." or the weighted
    /// mode with the measure that breaks its ties.
    public static func ruleLine(_ scenario: Scenario) -> String {
        let measure = scenario.fairness
        switch scenario.objective {
        case .tiers:
            return "Rule: priority tiers, highest first; \(name(measure)) within each "
                + "([objective] fairness = \"\(measure.rawValue)\")."
        case .weighted:
            return "Rule: the largest total of weight x allocation ([objective] mode = \"weighted\"); "
                + "ties broken by priority tiers with \(name(measure)) (fairness = \"\(measure.rawValue)\")."
        }
    }
}
