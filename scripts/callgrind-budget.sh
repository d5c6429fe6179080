#!/usr/bin/env bash
# Instructions per IMU sample of a whole `replay --speed max --format jsonl` process, counted by
# valgrind's callgrind: deterministic, so it holds a budget that machine noise cannot move.
#
#   scripts/callgrind-budget.sh [BINARY] [DURATION] [BUDGET]
#
# BINARY defaults to .build/release/glutebridge, DURATION (of the simulated desk-day capture, at
# 100 Hz with its cushion) to 10m, BUDGET (instructions per IMU sample) to $CALLGRIND_BUDGET or the
# default below. Prints the figure; exits 1 above the budget. A 10-minute capture takes well under
# a minute under callgrind.
set -euo pipefail
bin=$(realpath "${1:-.build/release/glutebridge}")
duration=${2:-10m}
budget=${3:-${CALLGRIND_BUDGET:-3700}}
command -v valgrind >/dev/null || { echo "callgrind-budget: valgrind is not installed (apt-get install valgrind)" >&2; exit 2; }

work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
"$bin" simulate -o "$work/capture.bin" --duration "$duration" --rate 100 --cushion 2>/dev/null
# The IMU samples the replay processes, as the decoder counts them.
imu=$("$bin" decode "$work/capture.bin" --summary-only | sed -n 's/.*"imu_samples":\([0-9]*\).*/\1/p')
# Valgrind runs a copy without debug information: its DWARF reader gives up on some of what the
# statically linked runtime carries ("Possibly corrupted debuginfo file", seen on a fresh clone's
# release build). The instructions executed are the same; symbols stay for callgrind_annotate.
strip --strip-debug -o "$work/glutebridge" "$bin"
valgrind --tool=callgrind --callgrind-out-file="$work/callgrind.out" \
    "$work/glutebridge" replay "$work/capture.bin" --speed max --format jsonl >/dev/null 2>"$work/valgrind.log"
total=$(sed -n 's/^summary: *\([0-9]*\).*/\1/p' "$work/callgrind.out")
[ -n "$total" ] && [ "${imu:-0}" -gt 0 ] || { echo "callgrind-budget: no figure (see valgrind output)" >&2; cat "$work/valgrind.log" >&2; exit 2; }
per=$((total / imu))
echo "callgrind: replay of a $duration capture ($imu IMU samples): $total instructions, $per per IMU sample (budget $budget)"
if [ "$per" -gt "$budget" ]; then
    echo "callgrind-budget: $per instructions per IMU sample is over the budget of $budget" >&2
    exit 1
fi
