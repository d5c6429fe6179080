#!/usr/bin/env bash
# End-to-end test on a simulated microcontroller: the ATmega328P firmware runs under simavr with
# a simulated MPU-6050 on its I2C bus following a scripted wearer (stand, tilt the pelvis forward
# 15 deg for 10 s, stand, sit down), its UART on a pseudo terminal, and `glutebridge monitor`
# on that terminal must report the anterior tilt and the sitting posture. The board also gets
# three host commands (ping, get info, set rate) on its UART, and the bytes it sent are decoded
# to check its answers and that no frame was damaged or lost. At 60 s (seated, after the events
# above) a host floods it with eight get-info commands in 10 ms: more than its receive queue
# holds (the loss is reported, error code 3), and more answers than its transmit queue holds,
# so that the loop misses sensor ticks: the dropped samples must be reported (error code 2) and
# must be exactly the gaps in the sample times.
# Usage: simavr-e2e.sh BOARD FIRMWARE.elf GLUTEBRIDGE WORKDIR
set -euo pipefail
board=$1 elf=$2 glutebridge=$3 work=$4
if [ ! -x "$board" ] || [ ! -f "$elf" ]; then
  echo "SKIP simavr end-to-end test: the simulated board or the firmware was not built" \
       "(needs simavr, libsimavr-dev, gcc-avr, avr-libc: make deps installs them)"
  exit 0
fi
if [ ! -x "$glutebridge" ]; then
  echo "simavr-e2e: FAIL: no glutebridge binary at $glutebridge (swift build makes it)" >&2
  exit 1
fi
rm -rf "$work"
mkdir -p "$work/home"
SECONDS=0

# The spec's command vectors (firmware-protocol.md section 6): ping, get info, set rate 100/20.
get_info="00 04 10 41 01 01 01 01 01 03 2C A7 00"
"$board" "$elf" --capture "$work/uart.bin" \
  --send-at 5 "00 03 10 40 01 01 01 01 01 03 D1 66 00" \
  --send-at 6 "00 04 10 41 01 01 01 01 01 03 2C A7 00" \
  --send-at 7 "00 04 10 44 02 01 01 01 01 02 64 02 14 03 24 25 00" \
  --send-at 60 "$get_info $get_info $get_info $get_info" \
  --send-at 60.005 "$get_info $get_info $get_info $get_info" \
  > "$work/board.out" 2> "$work/board.err" &
board_pid=$!
trap 'kill $board_pid 2>/dev/null || true' EXIT
pty=""
for _ in $(seq 100); do
  pty=$(sed -n 's/^pty: //p' "$work/board.out")
  [ -n "$pty" ] && break
  sleep 0.1
done
if [ -z "$pty" ]; then
  echo "simavr-e2e: FAIL: the board did not open a terminal"; cat "$work/board.err"; exit 1
fi

# A fresh HOME: no calibration profile, so the monitor calibrates on the first quiet upright
# stretch (the first 15 s of the script), as it would for a new user.
HOME="$work/home" timeout 120 "$glutebridge" monitor "serial:$pty?protocol=native&baud=115200" \
  --format jsonl --no-reconnect > "$work/events.jsonl" 2> "$work/monitor.err" || {
  echo "simavr-e2e: FAIL: monitor exited with $?"; cat "$work/monitor.err" "$work/board.err"; exit 1; }
wait $board_pid || { echo "simavr-e2e: FAIL: the board exited with $?"; cat "$work/board.err"; exit 1; }
trap - EXIT
elapsed=$SECONDS

cat "$work/board.err"
echo "simavr-e2e: events from glutebridge monitor on $pty:"
grep -E '"type":"(posture|tilt\.anterior\.start|tilt\.anterior\.end|link\.[a-z]+)"' "$work/events.jsonl" \
  | sed -e 's/,"time":"[^"]*"//' -e 's/^/  /'

failures=0
check() { # description, condition (exit status of the rest)
  local what=$1; shift
  if "$@"; then echo "  ok: $what"; else echo "  FAIL: $what"; failures=$((failures + 1)); fi
}
field() { # event type, field name: the field's value in the first such event
  grep "\"type\":\"$1\"" "$work/events.jsonl" | grep "$3" | head -n 1 | sed -n "s/.*\"$2\":\([^,}]*\).*/\1/p"
}
within() { [ -n "$1" ] && awk -v v="$1" -v lo="$2" -v hi="$3" 'BEGIN { exit !(v >= lo && v <= hi) }'; }

standing_t=$(field posture t '"posture":"standing"')
tilt_t=$(field tilt.anterior.start t '')
tilt_angle=$(field tilt.anterior.start angle '')
tilt_end_t=$(field tilt.anterior.end t '')
tilt_duration=$(field tilt.anterior.end duration_s '')
sitting_t=$(field posture t '"posture":"sitting"')
sitting_since=$(field posture since '"posture":"sitting"')
check "calibrated standing within the first 15 s (t=$standing_t)" within "$standing_t" 0 15
check "anterior tilt reported, angle $tilt_angle deg (scripted 15)" within "$tilt_angle" 13 17
check "tilt starts 5 s (the default delay) into the hold: t=$tilt_t" within "$tilt_t" 19 24
check "tilt ends when the pelvis comes back: t=$tilt_end_t, lasted $tilt_duration s (scripted 10 s + ramps)" within "$tilt_duration" 9 14
check "sitting reported (t=$sitting_t), since $sitting_since s (sat down at 35 s)" within "$sitting_since" 34 39
check "events in the script's order" awk -v a="$standing_t" -v b="$tilt_t" -v c="$tilt_end_t" -v d="$sitting_t" \
  'BEGIN { exit !(a < b && b < c && c < d) }'

# What the board sent, decoded on its own.
"$glutebridge" decode "$work/uart.bin" > "$work/uart.jsonl"
summary=$(tail -n 1 "$work/uart.jsonl")
echo "simavr-e2e: the board's bytes decoded: $summary"
echo "simavr-e2e: its messages other than samples:"
grep -v '"kind":"imu"' "$work/uart.jsonl" | grep -v '"kind":"status"' | grep -v '"kind":"summary"' | sed 's/^/  /'
echo "  ... and $(grep -c '"kind":"status"' "$work/uart.jsonl") status messages, e.g. $(grep -m1 '"kind":"status"' "$work/uart.jsonl")"
check "no damaged, lost or skipped frame" grep -q '"crc_errors":0,"malformed":0,"oversized":0,"resyncs":0,"skipped_bytes":0,"gaps":0,"lost_frames":0' <<< "$summary"
check "device info first, from the firmware" grep -q '"serial":"GB-328P-0001"' <<< "$(head -n 1 "$work/uart.jsonl")"
check "ping answered with an ack of sequence 0" grep -q '"kind":"ack","command":64,"seq":0' "$work/uart.jsonl"
check "get info answered with the info and an ack" grep -q '"kind":"ack","command":65,"seq":1' "$work/uart.jsonl"
check "set rate 100/20 refused: no cushion (nak, unsupported)" grep -q '"kind":"nak","command":68,"seq":2,"reason":4' "$work/uart.jsonl"
reported_drops=$(grep '"kind":"error","code":2' "$work/uart.jsonl" | sed -n 's/.*in the past second, \([0-9]*\) since start.*/\1/p' | tail -n 1)
first_drop_t=$(grep -m1 '"kind":"error","code":2' "$work/uart.jsonl" | sed -n 's/^{"t":\([0-9.]*\).*/\1/p')
# Sample times on the 10 ms grid; slots missing between consecutive samples.
gaps=$(grep '"kind":"imu"' "$work/uart.jsonl" | sed -n 's/.*"t":\([0-9.]*\).*/\1/p' | awk '
  { slot = int($1 * 100 + 0.5); if (($1 * 100 - slot) > 0.001 || (slot - $1 * 100) > 0.001) offgrid++
    if (NR > 1) { if (slot <= prev) backwards++; missing += slot - prev - 1 } prev = slot }
  END { printf "%d %d %d", missing, offgrid, backwards }')
read -r missing offgrid backwards <<< "$gaps"
check "the flood at 60 s overran the receive queue, and the board said so (error code 3)" grep -q '"kind":"error","code":3' "$work/uart.jsonl"
check "samples dropped only in the flood, and reported: $reported_drops since start (error code 2 at t=$first_drop_t)" \
  bash -c "[ -n '$reported_drops' ] && [ '$reported_drops' -ge 1 ] && awk -v t='$first_drop_t' 'BEGIN { exit !(t >= 60 && t < 62) }'"
check "the sample times have exactly the reported gaps ($missing missing 10 ms slots), none off the grid ($offgrid) or backwards ($backwards)" \
  bash -c "[ '$missing' = '$reported_drops' ] && [ '$offgrid' = 0 ] && [ '$backwards' = 0 ]"
check "samples at 100 Hz for the whole script (>= 7400)" within "$(grep -c '"kind":"imu"' "$work/uart.jsonl")" 7400 7500

echo "simavr-e2e: took ${elapsed} s (whole seconds)"
if [ "$failures" -ne 0 ]; then
  echo "simavr-e2e: FAIL ($failures checks)"; exit 1
fi
echo "simavr-e2e: PASS"
