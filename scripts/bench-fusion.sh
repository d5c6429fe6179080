#!/usr/bin/env bash
# The yardstick of issue 13 in the same `make bench` run: x-io Fusion's C AHRS alone per sample
# (Benchmarks/fusion-baseline/fusion_baseline.c, gcc -O2, as Fusion's advanced C example does per
# sample) beside the whole `glutebridge replay` process per IMU sample, on the same simulated
# desk-day IMU stream (4 h, 100 Hz, no cushion: 1.44 M samples, enough for
# CPU times that the 10 ms clock tick does not blur).
#
#   FUSION_DIR=PATH scripts/bench-fusion.sh [GLUTEBRIDGE] [HOURS]
#
# FUSION_DIR is a checkout of https://github.com/xioTechnologies/Fusion (its Fusion/ folder is
# compiled into the harness; nothing of it is kept here). Without it the script says so and exits
# 0, so `make bench` runs on machines that have no copy. Replay is timed as CPU seconds (user +
# system, median of 3) of the whole process over the capture, start-up included.
set -euo pipefail
bin=$(realpath "${1:-.build/release/glutebridge}")
hours=${2:-4}
case $hours in ''|*[!0-9]*|0) echo "bench-fusion: HOURS must be a whole number above 0, not '$hours'" >&2; exit 2;; esac
here=$(cd "$(dirname "$0")/.." && pwd)
if [ -z "${FUSION_DIR:-}" ]; then
    echo "Fusion baseline: skipped (set FUSION_DIR to a checkout of github.com/xioTechnologies/Fusion)"
    exit 0
fi
[ -f "$FUSION_DIR/Fusion/FusionAhrs.c" ] || { echo "bench-fusion: $FUSION_DIR has no Fusion/FusionAhrs.c (a checkout of xioTechnologies/Fusion?)" >&2; exit 1; }
command -v gcc >/dev/null || { echo "bench-fusion: gcc is not installed" >&2; exit 1; }
[ -x "$bin" ] || { echo "bench-fusion: $bin is not an executable (make release)" >&2; exit 1; }

work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
gcc -O2 -std=c99 -Wall -Wextra -I"$FUSION_DIR/Fusion" "$here/Benchmarks/fusion-baseline/fusion_baseline.c" \
    "$FUSION_DIR"/Fusion/*.c -lm -o "$work/fusion_baseline"
"$bin" simulate -o "$work/imu.bin" --duration "${hours}h" --rate 100 --no-cushion 2>/dev/null
"$bin" export "$work/imu.bin" --csv -o "$work/imu.csv"
fusion=$("$work/fusion_baseline" "$work/imu.csv")
echo "$fusion"
fusion_ns=$(sed -n 's/.*median \([0-9.]*\) ns.*/\1/p' <<<"$fusion")
samples=$(( $(wc -l <"$work/imu.csv") - 1 ))

cpus=()
for _ in 1 2 3; do
    /usr/bin/time -o "$work/time.txt" -f '%U %S' "$bin" replay "$work/imu.bin" --speed max --format jsonl >/dev/null
    cpus+=("$(awk '{ print $1 + $2 }' "$work/time.txt")")
done
cpu=$(printf '%s\n' "${cpus[@]}" | sort -g | sed -n 2p)
awk -v cpu="$cpu" -v n="$samples" -v f="$fusion_ns" 'BEGIN {
    r = cpu * 1e9 / n
    printf "glutebridge replay, whole process, same %d samples: %.1f ns/IMU sample (%.2f s CPU, median of 3): %.2fx Fusion'"'"'s AHRS alone\n", n, r, cpu, r / f
}'
