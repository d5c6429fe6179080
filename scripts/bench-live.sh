#!/usr/bin/env bash
# The live half of `make bench`: what the release `glutebridge monitor` costs while it watches a
# 1 kHz IMU on a pty. A feeder (`glutebridge-bench --feed`, a separate process whose CPU is not
# counted) writes the desk-day stream into the pty's master at its pace; the monitor reads the
# slave as it would /dev/ttyACM0, events to /dev/null. CPU is utime + stime from /proc/PID/stat,
# read while the monitor runs:
#   - total: CPU since start-up / wall seconds since its launch;
#   - steady: CPU / wall seconds between STARTUP seconds after launch and the end, the CPU from
#     /proc/PID/task/*/schedstat (run time in ns, every thread): at a wake-up per millisecond the
#     tick-sampled utime + stime can be off by half (1.60 % by ticks where perf's task-clock counted
#     1.0 %, 1 kHz x1, 2026-12-05).
# Printed as a percentage of one core. Beside the monitor, the floor: a C process that only polls
# and reads the same pty (Benchmarks/live-floor/poll_read.c, built with cc), which is what being
# woken a thousand times a second costs on this machine whatever the work per wake-up.
#
#   scripts/bench-live.sh [GLUTEBRIDGE] [GLUTEBRIDGE_BENCH] [SECONDS] [STARTUP]
set -euo pipefail
bin=$(realpath "${1:-.build/release/glutebridge}")
bench=$(realpath "${2:-.build/release/glutebridge-bench}")
seconds=${3:-20}
startup=${4:-2}
if ! [[ $seconds =~ ^[0-9]+$ && $startup =~ ^[0-9]+$ ]] || [ "$seconds" -le "$startup" ]; then
    echo "bench-live: SECONDS and STARTUP are whole seconds, SECONDS above STARTUP (got '$seconds' and '$startup')" >&2
    exit 2
fi
for f in "$bin" "$bench"; do
    [ -x "$f" ] || { echo "bench-live: $f is not an executable (make release builds both)" >&2; exit 1; }
done
ticks=$(getconf CLK_TCK)
scratch=$(mktemp -d)
feeder_pid='' monitor_pid=''
cleanup() {
    [ -n "$monitor_pid" ] && kill "$monitor_pid" 2>/dev/null || true
    [ -n "$feeder_pid" ] && kill "$feeder_pid" 2>/dev/null || true
    wait 2>/dev/null || true
    rm -rf "$scratch"
}
trap cleanup EXIT

now() { awk '{ print $1 }' /proc/uptime; }
# utime + stime of PID in clock ticks (fields 14 and 15; the command name, field 2, has no spaces here).
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
# Run time of every thread of PID in ns (schedstat's first field; the monitor's threads live as
# long as it does).
cpu_ns() { cat /proc/"$1"/task/*/schedstat | awk '{ ns += $1 } END { printf "%d\n", ns }'; }

# RATE SAMPLES_PER_FRAME NAME COMMAND...: one measured run of COMMAND with the pty's path
# appended; prints a row.
run() {
    local rate=$1 per_frame=$2 name=$3 path launched steady_at c_steady c_end ended
    shift 3
    mkfifo "$scratch/go"
    "$bench" --feed "$rate" "$per_frame" "$((seconds + 1))" <"$scratch/go" >"$scratch/path" &
    feeder_pid=$!
    exec 3>"$scratch/go"
    for _ in $(seq 100); do [ -s "$scratch/path" ] && break; sleep 0.1; done
    path=$(head -1 "$scratch/path")
    [ -c "$path" ] || { echo "bench-live: the feeder printed no pty" >&2; exit 1; }
    # No config file, profile or daily log of the user's: the defaults alone.
    launched=$(now)
    HOME=$scratch XDG_CONFIG_HOME=$scratch/config XDG_STATE_HOME=$scratch/state \
        "$@" "$path" >/dev/null 2>"$scratch/monitor.err" &
    monitor_pid=$!
    echo go >&3
    exec 3>&-
    sleep "$startup"
    steady_at=$(now) c_steady=$(cpu_ns "$monitor_pid")
    sleep "$((seconds - startup))"
    ended=$(now) c_end=$(cpu_ticks "$monitor_pid") n_end=$(cpu_ns "$monitor_pid")
    kill -INT "$monitor_pid"
    wait "$monitor_pid" || { echo "bench-live: $name failed: $(head -3 "$scratch/monitor.err")" >&2; exit 1; }
    monitor_pid=''
    kill "$feeder_pid" 2>/dev/null || true
    wait "$feeder_pid" 2>/dev/null || true
    feeder_pid=''
    rm -f "$scratch/go" "$scratch/path"
    awk -v name="$name, $rate Hz, $per_frame/frame" -v ce="$c_end" -v cs="$c_steady" -v ne="$n_end" -v hz="$ticks" \
        -v wl="$launched" -v ws="$steady_at" -v we="$ended" 'BEGIN {
        printf "%-34s %9.2f s %9.2f s %9.2f %% %9.2f s %9.2f s %9.2f %%\n", name,
            ce / hz, we - wl, 100 * ce / hz / (we - wl), (ne - cs) / 1e9, we - ws, 100 * (ne - cs) / 1e9 / (we - ws)
    }'
}

floor=''
if command -v "${CC:-cc}" >/dev/null && "${CC:-cc}" -O2 -o "$scratch/poll_read" "$(dirname "$0")/../Benchmarks/live-floor/poll_read.c" 2>"$scratch/cc.err"; then
    floor=$scratch/poll_read
fi
monitor=("$bin" monitor --format jsonl)
printf '%-34s %11s %11s %11s %11s %11s %11s\n' "on a pty, output to /dev/null" "cpu" "wall" "total" "cpu" "wall" "steady"
run 1000 1 monitor "${monitor[@]}"     # a frame per sample: a wake-up, poll and read every millisecond
[ -n "$floor" ] && run 1000 1 "floor (C)" "$floor"
run 1000 12 monitor "${monitor[@]}"    # full frames, as `simulate --rate 1000` sends: 83 wake-ups a second
[ -n "$floor" ] && run 1000 12 "floor (C)" "$floor"
[ -n "$floor" ] || echo "floor: skipped (no C compiler: ${CC:-cc})"
echo "% of one core over wall time. total: utime + stime (/proc/PID/stat, $ticks ticks/s); steady: from ${startup} s after launch to the end, run time of its threads (/proc/PID/task/*/schedstat, ns)"
