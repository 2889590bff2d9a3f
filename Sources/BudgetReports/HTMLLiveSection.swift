import BudgetModel

/// The live part of `--format html --interactive` (SCENARIO-SPEC section 15): a cut slider over
/// the sweep's range and a table that shows the exact allocation at the slider's cut.
///
/// The allocation comes from the linear pieces of the range (`PiecewiseAllocation`), embedded
/// as JSON in the page and evaluated by a few lines of inline script: on each piece
/// `x_s(c) = x_s(anchor) + slope_s × (c - anchor)`; at an infeasible cut, on either side of the feasible cuts, the deficit
/// likewise from its own pieces. The page opens at the cut its address names
/// (`report.html#cut=12.5`) and writes the slider's cut back into the address. Each live
/// figure is an element with `data-figure` (`allocation`, `change-pct`, `envelope`,
/// `deficit`), `data-service="<id>"` for a service's figures, and `data-value`, the exact
/// unrounded amount (empty where the cut has none). Without scripts the slider stays hidden
/// and the table reads as printed: the allocation at the first cut of the range, figures
/// rounded each on its own to the scenario's unit.
struct HTMLLiveSection {
    let header: SweepHeader
    let allocation: PiecewiseAllocation

    /// The section's lines.
    func lines() -> [String] {
        let scenario = header.scenario
        let money = header.money
        let range = allocation.range
        let opening = range.lowerBound
        let amounts = allocation.allocations(atCut: opening)
        let deficit = amounts == nil ? allocation.deficit(atCut: opening) : nil
        let envelope = scenario.envelope(afterCut: opening)
        func figure(_ kind: String, service: String? = nil, value: Double?, text: String) -> String {
            let serviceAttribute = service.map { " data-service=\"\(HTMLText.escaped($0))\"" } ?? ""
            return "<span data-figure=\"\(kind)\"\(serviceAttribute) data-value=\"\(value.map(JSONText.exact) ?? "")\">\(HTMLText.escaped(text))</span>"
        }
        var lines = [
            "<section id=\"live\" aria-labelledby=\"live-title\">",
            "<h2 id=\"live-title\">Allocation at any cut</h2>",
            "<p class=\"note\">The allocation at any cut from \(PercentFormatter.cut(range.lowerBound)) to \(PercentFormatter.cut(range.upperBound)), "
                + "exact from the breakpoints: between two breakpoints every allocation is linear in the cut. "
                + "Figures are rounded each on its own to multiples of \(HTMLText.escaped(money.unitDescription)); the tables below round them together. "
                + "Without scripts the table shows the \(PercentFormatter.cut(opening)) cut.</p>",
            "<form id=\"live-form\" hidden=\"hidden\"><label for=\"live-cut\">Cut</label> "
                + "<input type=\"range\" id=\"live-cut\" min=\"\(JSONText.exact(range.lowerBound))\" max=\"\(JSONText.exact(range.upperBound))\" "
                + "step=\"0.01\" value=\"\(JSONText.exact(opening))\"/> <output id=\"live-cut-shown\" for=\"live-cut\">\(PercentFormatter.cut(opening))</output></form>",
            "<p id=\"live-status\">At a cut of <span id=\"live-cut-text\">\(PercentFormatter.cut(opening))</span> the envelope is "
                + figure("envelope", value: envelope, text: money.format(amount: envelope)) + ". "
                + "<span id=\"live-deficit\"\(deficit == nil && amounts != nil ? " hidden=\"hidden\"" : "")>The cut is infeasible: it needs "
                + figure("deficit", value: deficit, text: deficit.map(money.format(amount:)) ?? "–") + " more money than the funds can give the constraints.</span></p>",
            "<div class=\"table-scroll\"><table id=\"live-table\">",
            "<caption>Allocation at the chosen cut, \(HTMLText.escaped(scenario.title))</caption>",
            "<thead><tr><th scope=\"col\">Service</th><th scope=\"col\">Baseline</th><th scope=\"col\">Allocation</th><th scope=\"col\">Change</th></tr></thead>",
            "<tbody>",
        ]
        for (s, service) in scenario.services.enumerated() {
            let x = amounts?[s]
            let change = service.isBid ? nil : x.map { ($0 - service.baseline) / service.baseline * 100 }
            lines.append(
                "<tr><th scope=\"row\">\(HTMLText.escaped(service.name))</th><td>\(money.format(amount: service.baseline))</td>"
                    + "<td>" + figure("allocation", service: service.id, value: x, text: x.map(money.format(amount:)) ?? "–") + "</td>"
                    + "<td>" + figure("change-pct", service: service.id, value: change, text: service.isBid ? "new" : change.map(PercentFormatter.change) ?? "–") + "</td></tr>")
        }
        lines += ["</tbody>", "</table></div>"]
        lines.append("<script type=\"application/json\" id=\"live-data\">\(data())</script>")
        lines.append("<script>\n\(Self.script)\n</script>")
        lines.append("</section>")
        return lines
    }

    /// The pieces as JSON (numbers only, and ids of `[a-z0-9_-]`: nothing to escape in a script element).
    private func data() -> String {
        let scenario = header.scenario
        let money = header.money
        let cutFunds = scenario.funds.filter(\.isCut).reduce(0) { $0 + $1.amount }
        let uncut = scenario.funds.filter { !$0.isCut }.reduce(0) { $0 + $1.amount }
        func numbers(_ values: [Double]) -> String { "[" + values.map(JSONText.exact).joined(separator: ",") + "]" }
        let pieces = allocation.pieces.map { piece in
            "{\"from\":\(JSONText.exact(piece.from)),\"to\":\(JSONText.exact(piece.to)),\"at\":\(JSONText.exact(piece.anchor)),"
                + "\"x\":\(numbers(piece.allocations)),\"dx\":\(numbers(piece.slopes))"
                + (piece.startsOpen ? ",\"open\":true}" : "}")
        }
        func deficits(_ side: [PiecewiseAllocation.DeficitPiece]?) -> String {
            "[" + (side ?? []).map { piece in
                "{\"from\":\(JSONText.exact(piece.from)),\"to\":\(JSONText.exact(piece.to)),\"d0\":\(JSONText.exact(piece.deficitFrom)),\"d1\":\(JSONText.exact(piece.deficitTo))}"
            }.joined(separator: ",") + "]"
        }
        let feasible = allocation.feasibleCuts.map { "[\(JSONText.exact($0.lowerBound)),\(JSONText.exact($0.upperBound))]" } ?? "null"
        // The deficit pieces below the feasible cuts and above them (all of them above when
        // the range has no feasible cut).
        let below = allocation.feasibleCuts.flatMap { allocation.deficitPieces(beside: $0.lowerBound - 1) }
        let above = allocation.deficitPieces(beside: (allocation.feasibleCuts?.upperBound ?? 0) + 1)
        let places = MoneyFormatter.decimalPlaces(of: scenario.unit) ?? MoneyFormatter.maximumDecimalPlaces
        let suffix = scenario.unit == 1000 ? "k" : (scenario.unit == 1_000_000 ? "m" : "")
        return "{\"from\":\(JSONText.exact(allocation.range.lowerBound)),\"to\":\(JSONText.exact(allocation.range.upperBound)),"
            + "\"feasible\":\(feasible),\"cutFunds\":\(JSONText.exact(cutFunds)),\"uncutFunds\":\(JSONText.exact(uncut)),"
            + "\"unit\":\(JSONText.exact(scenario.unit)),\"symbol\":\(JSONText.string(money.symbol)),\"suffix\":\"\(suffix)\",\"places\":\(suffix.isEmpty ? places : 0),"
            + "\"ids\":[" + scenario.services.map { JSONText.string($0.id) }.joined(separator: ",") + "],"
            + "\"baselines\":\(numbers(scenario.services.map(\.baseline))),"
            + "\"pieces\":[" + pieces.joined(separator: ",") + "],\"below\":\(deficits(below)),\"above\":\(deficits(above))}"
    }

    /// Evaluates the pieces at the slider's cut (or the address's) and fills in the live figures.
    static let script = """
        (function () {
          var d = JSON.parse(document.getElementById("live-data").textContent);
          var slider = document.getElementById("live-cut");
          function money(x) {
            var n = Math.round(Math.abs(x) / d.unit);
            var text = d.suffix ? String(n) : (n * d.unit).toFixed(d.places);
            var parts = text.split(".");
            parts[0] = parts[0].replace(/\\B(?=(\\d{3})+(?!\\d))/g, ",");
            return (x < 0 && n > 0 ? "-" : "") + d.symbol + parts.join(".") + d.suffix;
          }
          function percent(p) {
            var text = p.toFixed(1);
            if (text === "0.0" || text === "-0.0") return "0.0%";
            return (p > 0 ? "+" : "") + text + "%";
          }
          function cutText(c) { return String(Math.round(c * 10000) / 10000) + "%"; }
          function set(figure, service, value, text) {
            var selector = "[data-figure=\\"" + figure + "\\"]" + (service === null ? "" : "[data-service=\\"" + service + "\\"]");
            var element = document.querySelector("#live " + selector);
            element.setAttribute("data-value", value === null ? "" : String(value));
            element.textContent = text;
          }
          function last(list, c) {
            var found = null;
            for (var i = 0; i < list.length; i++) { if (list[i].from < c || (list[i].from === c && !list[i].open)) found = list[i]; }
            return found;
          }
          function show(c) {
            c = Math.min(d.to, Math.max(d.from, c));
            var infeasible = d.feasible === null || c < d.feasible[0] || c > d.feasible[1];
            var piece = infeasible ? null : last(d.pieces, c);
            var envelope = d.cutFunds * (1 - c / 100) + d.uncutFunds;
            document.getElementById("live-cut-text").textContent = cutText(c);
            document.getElementById("live-cut-shown").textContent = cutText(c);
            set("envelope", null, envelope, money(envelope));
            for (var s = 0; s < d.ids.length; s++) {
              if (piece === null) {
                set("allocation", d.ids[s], null, "\\u2013");
                set("change-pct", d.ids[s], null, "\\u2013");
              } else {
                var x = piece.x[s] + piece.dx[s] * (c - piece.at);
                set("allocation", d.ids[s], x, money(x));
                if (d.baselines[s] === 0) {
                  set("change-pct", d.ids[s], null, "new");
                } else {
                  var change = (x - d.baselines[s]) / d.baselines[s] * 100;
                  set("change-pct", d.ids[s], change, percent(change));
                }
              }
            }
            var side = d.feasible !== null && c < d.feasible[0] ? d.below : d.above;
            var deficitPiece = infeasible ? (last(side, c) || side[0] || null) : null;
            var deficit = deficitPiece === null ? null
              : (deficitPiece.to > deficitPiece.from
                ? deficitPiece.d0 + (deficitPiece.d1 - deficitPiece.d0) * (c - deficitPiece.from) / (deficitPiece.to - deficitPiece.from)
                : deficitPiece.d0);
            set("deficit", null, deficit, deficit === null ? "\\u2013" : money(deficit));
            document.getElementById("live-deficit").hidden = !infeasible;
            return c;
          }
          function fromAddress() {
            var match = /cut=(-?[0-9.]+)/.exec(window.location.hash);
            var c = match ? parseFloat(match[1]) : d.from;
            if (!isFinite(c)) c = d.from;
            slider.value = String(show(c));
          }
          slider.addEventListener("input", function () {
            var c = show(parseFloat(slider.value));
            history.replaceState(null, "", "#cut=" + c);
          });
          window.addEventListener("hashchange", fromAddress);
          document.getElementById("live-form").hidden = false;
          fromAddress();
        })();
        """
}
