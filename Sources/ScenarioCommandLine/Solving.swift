import ArgumentParser
import BudgetModel

/// The value of `body`, or — when the solver cannot reach a trustworthy answer —
/// failure with exit status 1 and the one-line reason on standard error.
public func solving<Value>(_ command: String, _ body: () throws(AllocationError) -> Value) throws -> Value {
    do {
        return try body()
    } catch {
        throw failing(["scenario \(command): \(error.description)"], status: ExitStatus.failure)
    }
}
