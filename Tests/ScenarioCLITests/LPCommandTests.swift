import Foundation
import Testing

@Suite struct LPCommandTests {
    static let netlib = ScenarioProcess.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/netlib").path

    /// Writes `text` to a fresh temporary file and returns its path.
    static func temporaryFile(_ text: String, name: String) throws -> String {
        let path = try ScratchSpace.freshDirectory().appendingPathComponent(name).path
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        return path
    }

    static func json(_ text: String) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return try #require(object as? [String: Any])
    }

    @Test func solvesAfiroAsJSON() throws {
        let result = try ScenarioProcess.run(["lp", "\(Self.netlib)/afiro.mps", "--format", "json"])
        #expect(result.status == 0)
        #expect(result.error == "")
        let object = try Self.json(result.output)
        #expect(Set(object.keys) == ["status", "objective", "iterations", "seconds"])
        #expect(object["status"] as? String == "optimal")
        let objective = try #require(object["objective"] as? Double)
        #expect(abs(objective - -464.753142857) <= 1e-6 * 464.753142857)
        #expect((object["iterations"] as? Int ?? 0) > 0)
        #expect((object["seconds"] as? Double ?? -1) >= 0)
    }

    @Test func presolveAndNoPresolveReachTheSameCertifiedOptimum() throws {
        // afiro: presolve removes rows and columns (NetlibPostsolveTests); both answers are afiro's own.
        var objectives: [Double] = []
        for flags in [[], ["--no-presolve"]] {
            let result = try ScenarioProcess.run(["lp", "\(Self.netlib)/afiro.mps", "--format", "json", "--verify"] + flags)
            #expect(result.status == 0)
            let object = try Self.json(result.output)
            #expect(object["status"] as? String == "optimal" && object["certificate"] as? String == "valid")
            objectives.append(try #require(object["objective"] as? Double))
        }
        #expect(objectives.count == 2 && objectives.allSatisfy { abs($0 - -464.753142857) <= 1e-6 * 464.753142857 })
    }

    @Test func readsStandardInputAndPrintsText() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: "\(Self.netlib)/sc50b.mps"))
        let result = try ScenarioProcess.run(["lp", "-", "--verify"], input: data)
        #expect(result.status == 0)
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines.first == "status      optimal")
        #expect(lines.contains { $0.hasPrefix("objective   -70") || $0.hasPrefix("objective   -69.99999") })
        #expect(lines.contains { $0.hasPrefix("iterations  ") })
        #expect(lines.contains { $0.hasPrefix("seconds     ") })
        #expect(lines.last == "certificate valid")
    }

    @Test func malformedFileExits65WithOneLine() throws {
        let path = try Self.temporaryFile("NAME bad\nROWS\n N obj\n L c1\nCOLUMNS\n x obj 1 c9 1\nENDATA\n", name: "bad.mps")
        let result = try ScenarioProcess.run(["lp", path])
        #expect(result.status == 65)
        #expect(result.error == "\(path):6: unknown row 'c9'\n")
        #expect(result.output == "")
    }

    @Test func missingFileExits1() throws {
        let result = try ScenarioProcess.run(["lp", "/nonexistent/missing.mps"])
        #expect(result.status == 1)
        #expect(result.error == "/nonexistent/missing.mps: no such file\n")
    }

    @Test func usageErrorExits64() throws {
        #expect(try ScenarioProcess.run(["lp", "\(Self.netlib)/afiro.mps", "--format", "yaml"]).status == 64)
        #expect(try ScenarioProcess.run(["lp"]).status == 64)
        #expect(try ScenarioProcess.run(["lp", "x.mps", "--time-limit", "-1"]).status == 64)
    }

    @Test func infeasibleAndUnboundedAreAnswers() throws {
        let infeasible = try Self.temporaryFile("""
            NAME infeasible
            ROWS
             N obj
             L atmost
             G atleast
            COLUMNS
             x obj 1 atmost 1
             x atleast 1
            RHS
             rhs atmost 1 atleast 3
            ENDATA
            """, name: "infeasible.mps")
        let first = try ScenarioProcess.run(["lp", infeasible, "--format", "json"])
        #expect(first.status == 0)
        #expect(first.output.hasPrefix("{\"status\": \"infeasible\", \"objective\": null, \"iterations\": "))
        let unbounded = try Self.temporaryFile("""
            NAME unbounded
            OBJSENSE MAX
            ROWS
             N obj
             L gap
            COLUMNS
             x obj 1 gap 1
             y gap -1
            RHS
             rhs gap 1
            ENDATA
            """, name: "unbounded.mps")
        let second = try ScenarioProcess.run(["lp", unbounded, "--format", "json"])
        #expect(second.status == 0)
        #expect(second.output.hasPrefix("{\"status\": \"unbounded\", \"objective\": null, \"iterations\": "))
    }

    @Test func iterationLimitIsAnError() throws {
        let result = try ScenarioProcess.run(["lp", "\(Self.netlib)/sc50a.mps", "--format", "json", "--iteration-limit", "2"])
        #expect(result.status == 1)
        let object = try Self.json(result.output)
        #expect(object["status"] as? String == "error")
        #expect(object["message"] as? String == "iteration limit reached")
        #expect(object["iterations"] as? Int == 2)
    }
}

/// A mixed-integer file is solved by branch and bound; `--relax` solves its relaxation and says so.
@Suite struct LPCommandIntegerTests {
    /// max x + y + z subject to 2x + 2y + 3z <= 3, all three integer: relaxation optimum 1.5,
    /// integer optimum 1 (`Tests/Fixtures/tiny-mip.mps`).
    static let smallMIP = NearMaximumCutCommandTests.fixture("tiny-mip.mps")
    /// MIPLIB's flugpl: MIP optimum 1,201,500, relaxation 1,167,185.73 (`Tests/Fixtures/flugpl.mps`).
    static let flugpl = NearMaximumCutCommandTests.fixture("flugpl.mps")

    @Test func aMixedIntegerFileIsSolvedAsOne() throws {
        let directory = try ReportCommandRun.directory(with: ["mip.mps": Self.smallMIP, "flugpl.mps": Self.flugpl])
        let run = try ReportCommandRun.run(["lp", "mip.mps", "--format", "json", "--verify"], in: directory)
        #expect(run.status == 0)
        #expect(run.errors == "")
        let object = try LPCommandTests.json(run.output)
        #expect(Set(object.keys) == ["status", "objective", "bound", "mip_gap", "nodes", "iterations", "seconds", "certificate"])
        #expect(object["status"] as? String == "optimal")
        #expect(object["objective"] as? Double == 1)
        #expect(object["bound"] as? Double == 1)
        #expect(object["mip_gap"] as? Double == 0)
        #expect(object["certificate"] as? String == "valid")
        let flugpl = try ReportCommandRun.run(["lp", "flugpl.mps", "--verify"], in: directory)
        #expect(flugpl.status == 0)
        let lines = flugpl.output.split(separator: "\n").map(String.init)
        #expect(lines.first == "status      optimal")
        #expect(lines.contains("objective   1201500.0"))
        #expect(lines.contains { $0.hasPrefix("nodes       ") })
        #expect(lines.last == "certificate valid")
    }

    @Test func theRelaxationIsSaidOnStandardErrorAndInJSON() throws {
        let directory = try ReportCommandRun.directory(with: ["mip.mps": Self.smallMIP])
        let run = try ReportCommandRun.run(["lp", "mip.mps", "--relax", "--format", "json", "--verify"], in: directory)
        #expect(run.status == 0)
        #expect(run.errors == "mip.mps: 3 integer columns: solving the continuous relaxation (--relax)\n")
        #expect(run.output.hasPrefix("{\"status\": \"optimal\", \"objective\": 1.5, "))
        #expect(run.output.hasSuffix("\"certificate\": \"valid\", \"relaxed\": true}\n"))
        let text = try ReportCommandRun.run(["lp", "mip.mps", "--relax"], in: directory)
        #expect(text.status == 0)
        #expect(text.output.contains("relaxed     continuous relaxation of a mixed-integer programme\n"))
    }

    /// 2x + 2y = 3 has continuous solutions but no integer one.
    @Test func anIntegerInfeasibleFileIsInfeasible() throws {
        let file = "NAME t\nROWS\n N obj\n E c1\nCOLUMNS\n M 'MARKER' 'INTORG'\n x obj 1 c1 2\n y obj 1 c1 2\n"
            + " M 'MARKER' 'INTEND'\nRHS\n r c1 3\nBOUNDS\n UP b x 5\n UP b y 5\nENDATA\n"
        let directory = try ReportCommandRun.directory(with: ["odd.mps": file])
        let run = try ReportCommandRun.run(["lp", "odd.mps", "--format", "json"], in: directory)
        #expect(run.status == 0)
        let object = try LPCommandTests.json(run.output)
        #expect(object["status"] as? String == "infeasible")
        #expect(object["objective"] is NSNull)
        #expect(object["mip_gap"] is NSNull)
        let relaxed = try ReportCommandRun.run(["lp", "odd.mps", "--relax", "--format", "json"], in: directory)
        #expect(try LPCommandTests.json(relaxed.output)["status"] as? String == "optimal")
    }

    /// One node is the root alone: flugpl's root LP is fractional, so the search stops with
    /// status "limit", exit status 1, and the bound it proved (the relaxation's at least).
    @Test func aNodeLimitGivesLimit() throws {
        let directory = try ReportCommandRun.directory(with: ["flugpl.mps": Self.flugpl])
        let run = try ReportCommandRun.run(["lp", "flugpl.mps", "--node-limit", "1", "--format", "json"], in: directory)
        #expect(run.status == 1)
        let object = try LPCommandTests.json(run.output)
        #expect(object["status"] as? String == "limit")
        #expect(object["message"] as? String == "node limit reached")
        #expect(object["nodes"] as? Int == 1)
        let bound = try #require(object["bound"] as? Double)
        #expect(bound >= 1_167_185.72 && bound <= 1_201_500)
        if let objective = object["objective"] as? Double { #expect(objective >= 1_201_500 - 1e-6) }
        #expect(try ReportCommandRun.run(["lp", "flugpl.mps", "--node-limit", "0"], in: directory).status == 64)
    }

    @Test func aBoundFixedTwiceIsInvalidInput() throws {
        let file = "NAME t\nROWS\n N obj\n L c1\nCOLUMNS\n x obj 1 c1 1\nRHS\n r c1 4\nBOUNDS\n FX b x 1\n FX b x 2\nENDATA\n"
        let directory = try ReportCommandRun.directory(with: ["twice.mps": file])
        let run = try ReportCommandRun.run(["lp", "twice.mps"], in: directory)
        #expect(run.status == 65)
        #expect(run.output.isEmpty)
        #expect(run.errors == "twice.mps:11: lower bound of 'x' given twice (FX here, and at line 10)\n")
    }
}
