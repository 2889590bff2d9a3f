#!/usr/bin/env bash
# Compiles LaTeX sweep reports with pdflatex, unchanged, to show they typeset.
# A fragment (no \documentclass) is \input into the minimal document the
# report's opening comment asks for: article + booktabs, nothing else.
# Usage: scripts/check-latex.sh [FILE.tex ...]   (default: the golden .tex files)
# Needs pdflatex (Debian: apt-get install texlive-latex-base texlive-latex-recommended).
# Not part of `swift test`, which must not need TeX.
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
        printf '\\documentclass{article}\n\\usepackage{booktabs}\n\\begin{document}\n\\input{%s-fragment}\n\\end{document}\n' "$name" > "$work/$name.tex"
    fi
    if (cd "$work" && pdflatex -interaction=nonstopmode -halt-on-error "$name.tex" > "$name.out" 2>&1); then
        pages=$(grep -o 'Output written on .*' "$work/$name.log" | sed 's/Output written on //')
        overfull=$(grep -c '^Overfull' "$work/$name.log" || true)
        echo "ok   $file -> $pages; overfull boxes: $overfull"
    else
        echo "FAIL $file" >&2
        grep -A3 '^!' "$work/$name.log" >&2 || tail -20 "$work/$name.out" >&2
        status=1
    fi
done
exit $status
