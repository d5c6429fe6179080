#!/usr/bin/env bash
# A fleet on one broker (issue #15 (c)): N glutebridge processes on simulated sensors publish to
# one mosquitto on 127.0.0.1 for SECONDS of wall time, one mosquitto_sub receives everything.
# Prints, per device, the events on its stdout vs the events received (distinct session+seq),
# then the total, events/s, and the broker's CPU time from /proc/PID/stat.
#
#   scripts/mqtt-fleet.sh .build/release/glutebridge [DEVICES=20] [SPEED=60] [SECONDS=60]
#
# A scenario ends before SECONDS at speed 60 (desk-day is ~45 min simulated), so each device runs
# one scenario after another (a new session each time, seq from 1) until SECONDS are over.
# Exit status 1 when any event is missing.
set -euo pipefail
if [ $# -lt 1 ]; then echo "usage: $0 GLUTEBRIDGE_BINARY [DEVICES] [SPEED] [SECONDS]" >&2; exit 2; fi
bin=$(realpath "$1"); devices=${2:-20}; speed=${3:-60}; seconds=${4:-60}
for tool in mosquitto mosquitto_sub; do
    command -v "$tool" >/dev/null || [ -x "/usr/sbin/$tool" ] || { echo "$0: $tool is not installed (make deps)" >&2; exit 2; }
done
mosquitto=$(command -v mosquitto || echo /usr/sbin/mosquitto)
work=$(mktemp -d)
pids=()
cleanup() {
    for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

# The broker, on a free port: mosquitto exits at once when its port is taken.
for _ in $(seq 20); do
    port=$((20000 + RANDOM % 40000))
    printf 'listener %s 127.0.0.1\nallow_anonymous true\npersistence false\nmax_queued_messages 100000\n' "$port" >"$work/mosquitto.conf"
    "$mosquitto" -c "$work/mosquitto.conf" 2>"$work/broker.log" &
    broker=$!
    sleep 0.5
    if kill -0 "$broker" 2>/dev/null; then break; fi
    broker=""
done
[ -n "${broker:-}" ] || { echo "$0: no free port for mosquitto" >&2; exit 1; }
pids+=("$broker")

mosquitto_sub -h 127.0.0.1 -p "$port" -q 1 -v -t 'fleet/+/event' >"$work/received" 2>"$work/sub.log" &
pids+=($!)
sleep 0.5

ticks=$(getconf CLK_TCK)
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }  # utime + stime
broker_start=$(cpu_ticks "$broker")
start=$(date +%s.%N)

scenarios=(desk-day squeezes tilt cushion single-leg sitting standing)
device() { # INDEX: scenarios one after another until the time is over
    local i=$1 id n=0
    id=$(printf 'dev%02d' "$i")
    local end=$(( $(date +%s) + seconds ))
    while [ "$(date +%s)" -lt "$end" ]; do
        local left=$(( end - $(date +%s) ))
        local scenario=${scenarios[$(( (i + n) % ${#scenarios[@]} ))]}
        XDG_STATE_HOME="$work/state" "$bin" monitor "sim:$scenario" --speed "$speed" --seed "$((i * 100 + n))" \
            --duration "${left}s" --format jsonl --mqtt "mqtt://127.0.0.1:$port" --mqtt-prefix fleet --device-id "$id" \
            >>"$work/$id.jsonl" 2>>"$work/$id.stderr" || echo "run $n of $id: exit $?" >>"$work/$id.stderr"
        n=$((n + 1))
    done
}
for i in $(seq 1 "$devices"); do device "$i" & pids+=($!); done
for p in "${pids[@]:2}"; do wait "$p"; done
elapsed=$(echo "$(date +%s.%N) - $start" | bc -l)
sleep 2  # the last acknowledgements reach the subscriber
broker_cpu=$(echo "($(cpu_ticks "$broker") - $broker_start) / $ticks" | bc -l)

total_expected=0; total_received=0; missing=0
printf '%-8s %8s %8s %6s\n' device expected received runs
for i in $(seq 1 "$devices"); do
    id=$(printf 'dev%02d' "$i")
    expected=$(grep -vc '"type":"session"' "$work/$id.jsonl" || true)
    runs=$(grep -c '"type":"session"' "$work/$id.jsonl" || true)
    # Distinct (session, seq): a duplicate after a reconnect counts once.
    received=$(grep "^fleet/$id/event " "$work/received" | grep -o '"seq":[0-9]*,"session":[0-9]*' | sort -u | wc -l)
    printf '%-8s %8d %8d %6d\n' "$id" "$expected" "$received" "$runs"
    total_expected=$((total_expected + expected)); total_received=$((total_received + received))
    [ "$received" -ge "$expected" ] || missing=$((missing + expected - received))
    if [ -s "$work/$id.stderr" ] && grep -qv '^{"type":"summary"' "$work/$id.stderr"; then
        grep -v '^{"type":"summary"' "$work/$id.stderr" | sed "s/^/  $id: /" | head -3
    fi
done
printf 'total: %d expected, %d received, %d missing, over %.1f s: %.1f events/s received\n' \
    "$total_expected" "$total_received" "$missing" "$elapsed" "$(echo "$total_received / $elapsed" | bc -l)"
printf 'broker (mosquitto %s): %.2f s CPU over %.1f s = %.2f %% of one core\n' \
    "$("$mosquitto" -h 2>/dev/null | head -1 | awk '{print $3}')" "$broker_cpu" "$elapsed" "$(echo "100 * $broker_cpu / $elapsed" | bc -l)"
[ "$missing" -eq 0 ]
