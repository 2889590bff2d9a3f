#!/bin/sh
# Exports the benchmark LPs with `scenario export`, times the built-in solver (`scenario bench`)
# and HiGHS (highs_compare.py) on them in one job; then HiGHS on the whole sequence of LPs a sweep
# of the generated 1,000-service model solves (highs_stages.py), and the 3,001-cut sweeps as whole
# processes with hyperfine (apt-get install hyperfine), by default (a job per core) and with --jobs 1. Run from benchmarks/ after
# `swift build -c release --product scenario` in the root; needs `pip install highspy`. SCENARIO names
# another binary (`make bench` passes the statically linked one of `make build`).
set -eu
S=${SCENARIO:-../.build/release/scenario}
OUT=${1:-out}
mkdir -p "$OUT"
$S generate --services 10 --funds 3 --groups 2 --seed 1 --mode weighted --output "$OUT/ten.toml"
$S export "$OUT/ten.toml" --cut 10 --format mps --output "$OUT/warm-10.mps"
$S export "$OUT/ten.toml" --cut 12 --format mps --output "$OUT/warm-12.mps"
$S generate --services 1000 --funds 50 --groups 100 --seed 1 --output "$OUT/large.toml"
# Cuts 18-20% are beyond the maximum feasible cut (17.68%): group-002's min (an amount) is
# above its max (0.88% of the envelope) there, a row MPS cannot carry, so they are not exported.
for c in 5 6 7 8 9 10 11 12 13 14 15 16 17; do
    $S export "$OUT/large.toml" --cut "$c" --format mps --output "$OUT/sweep-$(printf %02d "$c").mps"
done
uname -srm; nproc; grep -m1 'model name' /proc/cpuinfo; uptime; date -u
$S bench | tee "$OUT/bench.txt"
$S bench --mps "$OUT"/sweep-*.mps > "$OUT/bench-mps.tsv"
python3 highs_compare.py "$OUT"
python3 highs_stages.py $S "$OUT/large.toml" --cut 5..20% --step 1
sed 's/^mode = "tiers"/mode = "weighted"/' ../scenarios/cambridgeshire-2015-16.toml > "$OUT/cambridgeshire-weighted.toml"
for file in ../scenarios/cambridgeshire-2015-16.toml "$OUT/cambridgeshire-weighted.toml"; do
    hyperfine -N -w 3 -r 20 \
        "$S sweep $file --cut 0..30% --step 0.01 --format csv" \
        "$S sweep $file --cut 0..30% --step 0.01 --format csv --jobs 1"
done
# Whole-process sweeps read from linear pieces (the default) and solving every cut, one thread;
# the 1,000,000-cut CSV sweep of the bundled scenario; user and system CPU time beside wall time.
hyperfine -N -w 3 -r 20 \
    "$S sweep --cut 0..30% --step 0.01 --format csv --jobs 1" \
    "$S sweep --cut 0..30% --step 0.01 --format csv --jobs 1 --solve-every-cut"
hyperfine -N -r 3 "$S sweep --cut 0..99.9999% --step 0.0001 --format csv --jobs 1 --output $OUT/million.csv"
/usr/bin/time -f "million: %e s wall, %U s user, %S s sys, %M KB peak" \
    $S sweep --cut 0..99.9999% --step 0.0001 --format csv --output "$OUT/million.csv"
uptime; date -u
