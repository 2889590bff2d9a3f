import ArgumentParser
import BudgetReports
import ScenarioCommandLine

/// `scenario sweep`: the allocation at every cut of a range, as a report.
struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Allocate the envelope at each cut of a range and write the report.",
        discussion: """
            For every cut level, finds the allocation to every service that keeps the hard \
            constraints (protected services, minimum-service levels, ring-fences, group limits) \
            and spreads the reduction by the scenario's priorities, and reports it with its \
            change from baseline and what holds each service there. A cut at which the \
            constraints cannot all be met is reported as infeasible, with the deficit and an \
            explanation; it is a result, not an error. The maximum feasible cut is printed \
            with every sweep.

            CUT RANGES (all numbers are percentages; the % is optional; -100 < cut < 100):
              A..B%       every cut from A to B inclusive in steps of --step (default 5),
                          so 5..20% gives 5, 10, 15 and 20
              5,7.5,10%   a list, in the order given
              10%         one cut
            A negative cut is an increase.

            FORMATS (--format, or from the --output extension .txt .md .csv .json .tex .html .xlsx;
            an --output path with another extension needs --format, one without is text):
              text        aligned tables for a board paper (the default)
              markdown    the same tables in Markdown
              csv         long format, one row per cut and service (RFC 4180)
              json        one object with exact and rounded figures
              latex       booktabs longtables for pdflatex that break across pages and fit
                          345pt: a fragment needing \\usepackage{booktabs} and
                          \\usepackage{longtable}, or with --latex-standalone a whole document
              html        one standalone page: the tables and two inline SVG charts; with
                          --interactive also a cut slider over the range showing the exact
                          allocation at any cut (report.html#cut=12.5 opens at 12.5%)
              csv-wide    the board table as CSV: services by cuts with the totals, rounded
                          figures as plain numbers, UTF-8 with a byte-order mark for Excel
              xlsx        an Excel workbook after the Government Analysis Function's
                          guidance: cover, contents and notes sheets, one table per sheet,
                          numbers stored as numbers, the exact figures on the Detail sheet
            Text, Markdown and LaTeX print at most six cuts per table and repeat the table for \
            further cuts. LaTeX, HTML, csv-wide and xlsx are for board papers and take at most 200 cuts. Amounts are rounded up or down to the scenario's unit, each table \
            as a whole, so every column adds up exactly and equal amounts in neighbouring columns round alike \
            (JSON and CSV of more than 200 cuts round each cut on its own).

            LIMIT: a sweep takes at most 10,000,000 cuts (0..99% in steps of 0.00001 is \
            9,900,001); --max-cuts N raises or lowers the limit.

            Without FILE, the bundled Cambridgeshire 2015/16 scenario is used (a note on \
            standard error says so). Long sweeps show progress on standard error when it is a \
            terminal; output is streamed, so memory stays flat however many cuts are asked for.

            LINEAR PIECES: every allocation is linear in the cut between breakpoints. Within a             block, a cut on the linear piece of a cut solved before is read from that piece (the             solved basis moved along the cut) rather than solved again, binding reasons and             unallocated money included; infeasible cuts between two with the same conflict are             read from the deficit's linear piece. The figures equal a solve at the same cut to             1e-9 relative; --solve-every-cut solves each cut instead.

            PARALLEL SWEEPS: --jobs N allocates the cuts on N threads; the default is one per \
            core, and --jobs 1 keeps a sweep on one thread. Cuts are allocated in blocks of 64, \
            each block starting afresh and each cut within it warm from the last, whatever N \
            is; so the report is the same byte for byte for every N, and a sweep of 64 cuts or \
            fewer runs on one thread. Output stays in cut order and streamed: at most 2N \
            finished blocks wait to be written.

            \(OutputHelp.files)

            \(OutputHelp.exitStatus(usage: [
                "      and: more cuts than --max-cuts, or than the latex, html, csv-wide or",
                "      xlsx format takes (200); --jobs out of 1...256; an --output extension",
                "      that names no format, without --format; xlsx to a terminal",
            ], failure: [
                "      and: a cut the solver could not decide; it is reported as unsolved",
                "      with its reason, the sweep goes on, the report is complete, and one",
                "      line on standard error names the unsolved cuts",
            ]))


            EXAMPLES:
              scenario sweep --cut 5..20%
              scenario sweep my-scenario.toml --cut 5..20% --output cuts.md
              scenario sweep my-scenario.toml --cut 0..30% --step 0.01 --format csv
              scenario sweep my-scenario.toml --cut 0..30% --step 0.01 --format csv --jobs 1
            """
    )

    @Argument(help: "The scenario file (TOML). Default: the bundled Cambridgeshire 2015/16 scenario.")
    var file: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("The cut levels: A..B%, a list 5,7.5,10%, or one value 10%.", valueName: "range"))
    var cut: String

    @Option(parsing: .unconditional, help: ArgumentHelp("The step of a range in percentage points (default 5).", valueName: "points"))
    var step: String?

    @Option(help: "The report format: text, markdown, csv, json, latex, html, csv-wide or xlsx (default: from --output's extension, else text).")
    var format: SweepFormat?

    @Flag(help: "With the latex format, write a complete document (article + booktabs + longtable) rather than a fragment.")
    var latexStandalone = false

    @Option(help: ArgumentHelp("Write the report to this file instead of standard output (replaced only when complete).", valueName: "path"))
    var output: String?

    @OptionGroup var planYear: PlanYearOptions

    @Option(parsing: .unconditional, help: ArgumentHelp(
        "Allocate the cuts on this many threads, 1 to 256 (default: one per core); the report is the same byte for byte.",
        valueName: "n"))
    var jobs: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("The most cuts a sweep may have (default 10000000).", valueName: "n"))
    var maxCuts: String?

    @Flag(help: "With the html format, add a cut slider over the range that shows the exact allocation at any cut; the page opens at the cut its address names (report.html#cut=12.5).")
    var interactive = false

    @Flag(help: "Solve every cut, rather than reading the cuts on a linear piece from the piece (the figures agree to 1e-9 relative).")
    var solveEveryCut = false

    func run() throws {
        try SweepRun.run(
            file: file, cut: cut, step: step, format: format, output: output, latexStandalone: latexStandalone,
            year: planYear.year, path: planYear.path, jobs: jobs, maxCuts: maxCuts, interactive: interactive, solveEveryCut: solveEveryCut)
    }
}
