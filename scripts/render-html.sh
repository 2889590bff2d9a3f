#!/usr/bin/env bash
# Renders an HTML sweep report to PNG with headless Chromium, to look at the
# charts and tables as a reader would.
# Usage: scripts/render-html.sh REPORT.html [OUT.png] [WIDTH]
#   WIDTH of the window in CSS pixels (default 1200; try 400 for a phone).
# Needs Chromium (Debian: apt-get install chromium).
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: $0 REPORT.html [OUT.png] [WIDTH]" >&2; exit 64; }
input=$(realpath "$1")
out=${2:-${1%.*}.png}
width=${3:-1200}
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
[ -n "$browser" ] || { echo "render-html: Chromium not found" >&2; exit 1; }
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars \
    --user-data-dir="$profile" --window-size="$width,2400" \
    --screenshot="$(realpath -m "$out")" "file://$input" 2>/dev/null
echo "render-html: wrote $out (${width}px wide)"
