#!/usr/bin/env bash
# The whole-process half of `make bench`: a generated 24 h desk-day capture (100 Hz IMU with its
# cushion, as `simulate -o` writes it) through the real binary, output to /dev/null:
#   - replay --speed max --format jsonl: ns per IMU sample and peak RSS;
#   - decode (JSON per sample) and export --csv / --orientation: rows per second and peak RSS;
#   - callgrind instructions per IMU sample of a replay of a 1 h capture (deterministic).
#
#   scripts/bench-process.sh [BINARY] [RUNS]
#
# Captures are kept in $GLUTE_BENCH_DIR (default /tmp/glutebridge-bench), made once per binary
# version's simulator output. Wall-clock figures are medians of RUNS (default 3) runs.
set -euo pipefail
bin=$(realpath "${1:-.build/release/glutebridge}")
runs=${2:-3}
dir=${GLUTE_BENCH_DIR:-/tmp/glutebridge-bench}
mkdir -p "$dir"
day=$dir/desk-day-24h.bin hour=$dir/desk-day-1h.bin
[ -s "$day" ] || "$bin" simulate -o "$day" --duration 24h --rate 100 --cushion 2>/dev/null
[ -s "$hour" ] || "$bin" simulate -o "$hour" --duration 1h --rate 100 --cushion 2>/dev/null

summary=$("$bin" decode "$day" --summary-only)
field() { sed -n "s/.*\"$1\":\([0-9]*\).*/\1/p" <<<"$summary"; }
imu=$(field imu_samples) pressure=$(field pressure_samples) frames=$(field frames)
bytes=$(stat -c %s "$day")
echo "24 h capture: $((bytes / 1000000)) MB, $frames frames, $imu IMU + $pressure cushion samples"

# Median of a list of numbers.
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# Runs "$@" RUNS times with output to /dev/null; prints "median_wall_s median_cpu_s max_rss_kib"
# (cpu = user + system: on a shared machine wall time mostly measures the wait for a core).
timed() {
    local walls=() cpus=() rss=0 i w u k m
    for ((i = 0; i < runs; i++)); do
        /usr/bin/time -o "$dir/time.txt" -f '%e %U %S %M' "$@" >/dev/null 2>/dev/null
        read -r w u k m < <(tail -1 "$dir/time.txt")
        walls+=("$w")
        cpus+=("$(awk "BEGIN { print $u + $k }")")
        [ "$m" -gt "$rss" ] && rss=$m
    done
    printf '%s %s %s\n' "$(printf '%s\n' "${walls[@]}" | median)" "$(printf '%s\n' "${cpus[@]}" | median)" "$rss"
}

# NAME WALL CPU RSS_KIB UNITS SCALE UNIT: the figure per CPU second and per wall second.
row() {
    printf '%-52s %10s %10s %-14s %7.1f s %7.1f s %7.1f MiB\n' "$1" \
        "$(awk "BEGIN { printf \"%.${7:-2}f\", $6 * ($5 / $3) }")" "$(awk "BEGIN { printf \"%.${7:-2}f\", $6 * ($5 / $2) }")" \
        "$8" "$2" "$3" "$(awk "BEGIN { print $4 / 1024 }")"
}

printf '%-52s %10s %10s %-14s %9s %9s %11s\n' "whole process, 24 h capture, output to /dev/null" "per cpu" "per wall" "unit" "wall" "cpu" "peak RSS"
read -r w c k < <(timed "$bin" replay "$day" --speed max --format jsonl)
printf '%-52s %10s %10s %-14s %7.1f s %7.1f s %7.1f MiB\n' "replay --speed max --format jsonl" \
    "$(awk "BEGIN { printf \"%.0f\", $c * 1e9 / $imu }")" "$(awk "BEGIN { printf \"%.0f\", $w * 1e9 / $imu }")" "ns/IMU sample" \
    "$w" "$c" "$(awk "BEGIN { print $k / 1024 }")"
read -r w c k < <(timed "$bin" decode "$day")
row "decode (JSON per sample, $((imu + pressure)) rows)" "$w" "$c" "$k" "$((imu + pressure))" 1e-6 2 "M rows/s"
# A capture's CSV has the layout of its first sample (here the cushion's): count the rows.
# The IMU's rows: the bulk of a day (the cushion's 1.73 M are left out and counted on stderr).
csv_rows=$(( $("$bin" export "$day" --csv --sensor imu 2>/dev/null | wc -l) - 1 ))
read -r w c k < <(timed "$bin" export "$day" --csv --sensor imu)
row "export --csv --sensor imu ($csv_rows rows)" "$w" "$c" "$k" "$csv_rows" 1e-6 2 "M rows/s"
read -r w c k < <(timed "$bin" export "$day" --orientation)
row "export --orientation ($imu rows)" "$w" "$c" "$k" "$imu" 1e-6 2 "M rows/s"
echo "median of $runs runs each (cpu = user + system); peak RSS the largest of them (/usr/bin/time %M)"

if [ "${GLUTE_BENCH_CALLGRIND:-1}" = 0 ]; then
    echo "callgrind: skipped (GLUTE_BENCH_CALLGRIND=0)"
elif command -v valgrind >/dev/null; then
    "$(dirname "$0")/callgrind-budget.sh" "$bin" 1h 1000000000 | sed 's/ (budget [0-9]*)//'
else
    echo "callgrind: valgrind is not installed; instructions per sample skipped"
fi
