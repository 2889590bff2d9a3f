/// The style sheet of the HTML report, inline so the page needs no other file.
/// Screen: one readable column, figures right-aligned in tabular digits,
/// charts scaled to the width (scrolling sideways below 36rem, where their
/// text would get too small), tables scrolling sideways when too wide.
/// Print: the full width, no scrolling, charts and tables kept whole, colours kept.
enum HTMLStyle {
    static let sheet = """
        body { font-family: Arial, Helvetica, sans-serif; color: #0b0c0c; background: #ffffff; line-height: 1.4; margin: 0 auto; max-width: 72rem; padding: 1rem; }
        h1 { font-size: 1.8rem; margin: 0 0 1rem; }
        h2 { font-size: 1.3rem; margin: 2rem 0 0.5rem; }
        figure { margin: 1.5rem 0; }
        .chart-scroll { overflow-x: auto; max-width: 100%; }
        figure svg { display: block; width: 100%; min-width: 36rem; height: auto; }
        .chart-title { margin-top: 0; }
        .source, .note { font-size: 0.9rem; overflow-wrap: anywhere; }
        .warning { border-left: 0.3rem solid #d55e00; padding-left: 0.6rem; }
        .table-scroll { overflow-x: auto; max-width: 100%; margin-bottom: 1.5rem; }
        .table-scroll:focus { outline: 3px solid #ffdd00; }
        table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
        caption { text-align: left; font-weight: bold; padding: 0 0 0.5rem; }
        th, td { padding: 0.35rem 0.6rem; border-bottom: 1px solid #b1b4b6; vertical-align: top; }
        thead th { border-bottom: 2px solid #0b0c0c; text-align: right; white-space: nowrap; }
        thead th:first-child, th[scope="row"] { text-align: left; }
        th[scope="row"] { font-weight: normal; }
        td.num { text-align: right; white-space: nowrap; }
        tbody.totals tr:first-child > * { border-top: 2px solid #0b0c0c; }
        tbody.totals th[scope="row"] { font-weight: bold; }
        .detail { font-size: 0.85em; color: #505a5f; }
        @media print {
          body { max-width: none; padding: 0; font-size: 10pt; }
          .table-scroll, .chart-scroll { overflow: visible; }
          figure svg { min-width: 0; }
          figure, table { break-inside: avoid; page-break-inside: avoid; }
          svg { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
        }
        """
}
