#!/usr/bin/env bash
# Compiles LaTeX sweep reports with pdflatex, unchanged, to show they typeset.
# A fragment (no \documentclass) is \input into the minimal document the
# report's opening comment asks for: article + booktabs + longtable, nothing else.
# Each file is typeset twice (longtable settles its column widths on the second run);
# the report fails on a TeX error, on "Float too large" or on an overfull box over 1pt.
# Usage: scripts/check-latex.sh [FILE.tex ...]   (default: the golden .tex files)
# Needs pdflatex (Debian: apt-get install texlive-latex-base texlive-latex-recommended);
# the test suite runs the same check (LaTeXTypesetTests).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -eq 0 ]; then set -- Tests/BudgetReportsTests/Golden/*.tex; fi
command -v pdflatex >/dev/null || { echo "check-latex: pdflatex not found" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
for file in "$@"; do
    name=$(basename "$file" .tex)
    if grep -q '\\documentclass' "$file"; then
        cp "$file" "$work/$name.tex"
    else
        cp "$file" "$work/$name-fragment.tex"
        printf '\\documentclass{article}\n\\usepackage{booktabs}\n\\usepackage{longtable}\n\\begin{document}\n\\input{%s-fragment}\n\\end{document}\n' "$name" > "$work/$name.tex"
    fi
    if (cd "$work" && pdflatex -interaction=nonstopmode -halt-on-error "$name.tex" > "$name.out" 2>&1 &&
        pdflatex -interaction=nonstopmode -halt-on-error "$name.tex" > "$name.out" 2>&1); then
        pages=$(grep -o 'Output written on .*' "$work/$name.log" | sed 's/Output written on //')
        overfull=$(grep -o '^Overfull \\[hv]box ([0-9.]*pt' "$work/$name.log" | grep -o '[0-9.]*pt' | tr -d pt |
            awk '$1 > 1' | wc -l || true)
        if grep -q 'Float too large' "$work/$name.log" || [ "$overfull" -gt 0 ]; then
            echo "FAIL $file -> $pages; overfull boxes over 1pt: $overfull" >&2
            grep -E '^(Overfull|LaTeX Warning: Float too large)' "$work/$name.log" >&2 || true
            status=1
        else
            echo "ok   $file -> $pages"
        fi
    else
        echo "FAIL $file" >&2
        grep -A3 '^!' "$work/$name.log" >&2 || tail -20 "$work/$name.out" >&2
        status=1
    fi
done
exit $status
