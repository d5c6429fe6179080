#!/usr/bin/env bash
# Builds the libFuzzer targets of Fuzz/ and runs each for a share of BUDGET seconds, or merges
# what the runs found into the committed seed corpus.
#
#   scripts/fuzz.sh BUDGET [TARGET...]     (make fuzz: FUZZ_BUDGET, 300 s; make fuzz-smoke: 20 s)
#   FUZZ_RUNS=N scripts/fuzz.sh 0 [TARGET...]   (make fuzz FUZZ_RUNS=N: N executions per target)
#   scripts/fuzz.sh --merge [TARGET...]    (make fuzz-merge)
#
# Each target is one entry file (Fuzz/Targets) plus Fuzz/Support, linked against the modules it
# fuzzes, which are compiled straight from Sources/ with -sanitize=fuzzer,address into static
# libraries under Fuzz/bin (rebuilt only when their sources change). A run starts from the
# committed corpus Fuzz/seeds/<target> (minimised, read only) and seeds made here: the vectors of
# firmware-protocol.md and the output of Fuzz/SeedGen (the project's encoders and the virtual
# sensor). What it finds grows in Fuzz/corpus/<target>; --merge folds that into Fuzz/seeds with
# libFuzzer's -merge=1 (the smallest set of inputs that keeps all coverage), so that the next run,
# on any machine, starts where this one ended. Crash reproducers land in Fuzz/artifacts/<target>/;
# logs in Fuzz/logs.
#
# FUZZ_RUNS=N runs each target for N executions instead of a share of BUDGET (BUDGET is then
# ignored); `make fuzz FUZZ_RUNS=10000000` is the long run issue 12 asks for (hours, not for CI).
#
# FUZZ_RECORDINGS=1 adds the heads of the recordings in GLUTE_DATA as seeds for the text decoders.
# Those runs grow Fuzz/corpus-recordings/ instead, which --merge never reads: no byte of a
# recording can reach the committed corpus.
#
# Prints, per target, the executions, coverage and result; exits 1 if any target crashed,
# leaked, timed out or could not run. Environment: SWIFTC (default swiftc), GLUTE_DATA (default
# ../shared/data), FUZZ_RECORDINGS, FUZZ_MAX_LEN (the longest input for every target; default per
# target, 1 or 4 KB, see TARGETS).
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
MERGE=0
if [ "${1:-}" = --merge ]; then MERGE=1; BUDGET=0; else BUDGET=${1:-300}; fi
shift || true
case $BUDGET in ''|*[!0-9]*) echo "fuzz: BUDGET must be a number of seconds, not '$BUDGET'" >&2; exit 2;; esac
SWIFTC=${SWIFTC:-swiftc}
DATA=${GLUTE_DATA:-$ROOT/../shared/data}
RECORDINGS=${FUZZ_RECORDINGS:-0}
RUNS=${FUZZ_RUNS:-}
case $RUNS in ''|[1-9]|[1-9]*[0-9]) ;; *) echo "fuzz: FUZZ_RUNS must be a positive number of executions, not '$RUNS'" >&2; exit 2;; esac
case $RUNS in *[!0-9]*) echo "fuzz: FUZZ_RUNS must be a positive number of executions, not '$RUNS'" >&2; exit 2;; esac
FUZZ=$ROOT/Fuzz
BIN=$FUZZ/bin
SEEDS=$FUZZ/seeds
CORPUS=$FUZZ/corpus
if [ "$RECORDINGS" = 1 ]; then
  [ "$MERGE" = 0 ] || { echo "fuzz: --merge never reads recording-seeded corpora; run it without FUZZ_RECORDINGS" >&2; exit 2; }
  CORPUS=$FUZZ/corpus-recordings
fi
ARTIFACTS=$FUZZ/artifacts
LOGS=$FUZZ/logs

# target name, entry file, module it imports, longest input (bytes). The native, CSV, plotter and
# WitMotion serial decoders, BLE notifications and the event log get 1 KB: an execution costs in
# proportion to the input (a decoder runs whole and in two chunkings), and a few lines, or four
# native frames of the maximum 248 encoded bytes, reach every state; at 4 KB they ran at half
# the rate (decoder targets must keep >= 5,000 execs/s, issue 12).
TARGETS=(
  "native_decoder NativeDecoderTarget.swift GluteWire 1024"
  "native_frame NativeFrameTarget.swift GluteWire 4096"
  "csv CSVDecoderTarget.swift GluteWire 1024"
  "plotter SerialPlotterTarget.swift GluteWire 1024"
  "witmotion WitMotionTarget.swift GluteWire 1024"
  "witmotion_ble WitMotionBLETarget.swift GluteWire 4096"
  "capture CaptureParserTarget.swift GluteLog 4096"
  "att_pdu ATTPDUTarget.swift GluteWire 4096"
  "ble_notifications BLENotificationTarget.swift GluteWire 1024"
  "hci_event HCIEventTarget.swift GluteWire 4096"
  "event_log EventLogTarget.swift GluteEventLog 1024"
)
if [ $# -gt 0 ]; then
  wanted=" $* "
  selected=()
  for t in "${TARGETS[@]}"; do [[ $wanted == *" ${t%% *} "* ]] && selected+=("$t"); done
  [ ${#selected[@]} -gt 0 ] || { echo "fuzz: no target named $*" >&2; exit 2; }
  TARGETS=("${selected[@]}")
fi

mkdir -p "$BIN/modules" "$CORPUS" "$ARTIFACTS" "$LOGS"
SANITIZE=(-sanitize=fuzzer,address -O -g -swift-version 6)
started=$(date +%s)

# A stamp of the inputs of a build step; the step reruns only when it changes.
stamp_of() { { printf '%s\n' "$SWIFTC" "${SANITIZE[*]}"; cat "$@"; } | sha256sum | cut -d' ' -f1; }
up_to_date() { [ -f "$1" ] && [ -f "$1.stamp" ] && [ "$(cat "$1.stamp")" = "$2" ]; }

# build_module NAME fuzzed|plain FILE... : a static library and its .swiftmodule, instrumented
# for fuzzing, or plain and unoptimized (quick to compile) for the seed generator only.
build_module() {
  local name=$1 mode=$2; shift 2
  local lib=$BIN/lib$name.a stamp flags=("${SANITIZE[@]}")
  [ "$mode" = fuzzed ] || flags=(-Onone -swift-version 6)
  # A package dependency: optimized, uninstrumented, in the language mode it is written for.
  [ "$mode" = dependency ] && flags=(-O -swift-version 5)
  stamp=$(stamp_of "$@" <(echo "${flags[*]}"))
  if up_to_date "$lib" "$stamp"; then return; fi
  echo "fuzz: compiling $name ($# files, $mode)"
  # ar adds to an existing archive: a renamed source would leave its old object behind.
  rm -f "$lib"
  "$SWIFTC" "${flags[@]}" -parse-as-library -module-name "$name" -I "$BIN/modules" "${NUMERICS_INCLUDE[@]}" \
    -emit-module -emit-module-path "$BIN/modules/$name.swiftmodule" \
    -emit-library -static -o "$lib" "$@" >"$LOGS/build-$name.log" 2>&1 \
    || { cat "$LOGS/build-$name.log" >&2; exit 1; }
  echo "$stamp" >"$lib.stamp"
}

# link_target NAME ENTRY MODULE: the libFuzzer binary (link warnings from gold go to the log).
# Every target links GluteWire too: the support code uses its decoder types.
link_target() {
  local name=$1 entry=$FUZZ/Targets/$2 module=$3 exe=$BIN/fuzz-$1 stamp libs=(-lGluteWire -lRealModule) stamps=()
  [ "$module" = GluteWire ] || libs=(-l"$module" -lGluteWire -lRealModule)
  # The event log reader stands on GluteCore's events and GluteDevices' InputError.
  [ "$module" = GluteEventLog ] && libs=(-lGluteEventLog -lGluteCore -lGluteDevices -lGluteWire -lRealModule) \
    && stamps=("$BIN/libGluteCore.a.stamp" "$BIN/libGluteDevices.a.stamp")
  stamp=$(stamp_of "$entry" "$FUZZ/Support/FuzzSupport.swift" "$BIN/lib$module.a.stamp" "$BIN/libGluteWire.a.stamp" "${stamps[@]}")
  if up_to_date "$exe" "$stamp"; then return; fi
  echo "fuzz: linking fuzz-$name"
  "$SWIFTC" "${SANITIZE[@]}" -parse-as-library -module-name "Fuzz_$name" -I "$BIN/modules" "${NUMERICS_INCLUDE[@]}" \
    "$entry" "$FUZZ/Support/FuzzSupport.swift" -L "$BIN" "${libs[@]}" -o "$exe" >"$LOGS/build-fuzz-$name.log" 2>&1 \
    || { cat "$LOGS/build-fuzz-$name.log" >&2; exit 1; }
  echo "$stamp" >"$exe.stamp"
}

# swift-numerics' RealModule (the pure modules' maths), from the checkout SwiftPM resolved; its C
# shims are header-only, so their include folder is all the compiles need.
# (A fresh clone has no .build yet: find's failure there must not end the script unannounced.)
find_numerics() { find "$ROOT/.build/checkouts" -maxdepth 1 -name 'swift-numerics*' 2>/dev/null | head -1 || true; }
NUMERICS=$(find_numerics)
if [ -z "$NUMERICS" ]; then
  swift package resolve >/dev/null || { echo "fuzz: swift package resolve failed (swift-numerics is needed)" >&2; exit 1; }
  NUMERICS=$(find_numerics)
  [ -n "$NUMERICS" ] || { echo "fuzz: no swift-numerics checkout under .build/checkouts after swift package resolve" >&2; exit 1; }
fi
NUMERICS_INCLUDE=(-I "$NUMERICS/Sources/_NumericsShims/include")
mapfile -t REAL_SOURCES < <(find "$NUMERICS/Sources/RealModule" -name '*.swift' | sort)
mapfile -t WIRE_SOURCES < <(find Sources/GluteWire -name '*.swift' | sort)
mapfile -t SIM_SOURCES < <(find Sources/GluteSim -name '*.swift' | sort)
# The capture format without the file I/O (AppendOnlyFile, FileError, the writer need Glibc files).
mapfile -t CAPTURE_SOURCES < <(grep -L 'AppendOnlyFile\|FileError\|^import Glibc' Sources/GluteLog/Capture/*.swift | sort)

build_module RealModule dependency "${REAL_SOURCES[@]}"
build_module GluteWire fuzzed "${WIRE_SOURCES[@]}"
build_module GluteLog fuzzed "${CAPTURE_SOURCES[@]}"
build_module GluteSim plain "${SIM_SOURCES[@]}"
# The event log reader (GluteLog's EventLog) with what it needs: GluteCore, and of GluteDevices
# only InputError (and the SystemError it may carry).
mapfile -t CORE_SOURCES < <(find Sources/GluteCore -name '*.swift' | sort)
build_module GluteCore fuzzed "${CORE_SOURCES[@]}"
build_module GluteDevices fuzzed Sources/GluteDevices/Files/InputError.swift Sources/GluteDevices/Posix/SystemError.swift
build_module GluteEventLog fuzzed Sources/GluteLog/Events/EventLog.swift Sources/GluteLog/Events/EventLogFieldRange.swift \
  Sources/GluteLog/Events/EventLogTimeText.swift
for t in "${TARGETS[@]}"; do
  read -r name entry module _ <<<"$t"
  link_target "$name" "$entry" "$module"
done

# Seeds. The seed generator links the instrumented modules without libFuzzer's main (ASan's
# runtime provides the coverage hooks), so it needs no second compile of the sources.
seedgen=$BIN/seedgen
seed_stamp=$(stamp_of "$FUZZ/SeedGen/main.swift" "$BIN/libRealModule.a.stamp" "$BIN/libGluteWire.a.stamp" "$BIN/libGluteSim.a.stamp" "$BIN/libGluteLog.a.stamp")
if ! up_to_date "$seedgen" "$seed_stamp"; then
  echo "fuzz: linking seedgen"
  "$SWIFTC" -sanitize=address -O -g -swift-version 6 -I "$BIN/modules" "${NUMERICS_INCLUDE[@]}" "$FUZZ/SeedGen/main.swift" \
    -L "$BIN" -lGluteSim -lGluteLog -lGluteWire -lRealModule -o "$seedgen" >"$LOGS/build-seedgen.log" 2>&1 \
    || { cat "$LOGS/build-seedgen.log" >&2; exit 1; }
  echo "$seed_stamp" >"$seedgen.stamp"
fi
mkdir -p "$CORPUS"/{native_decoder,native_frame,csv,plotter,witmotion,witmotion_ble,capture,att_pdu,ble_notifications,hci_event,event_log}
ASAN_OPTIONS=detect_leaks=0 "$seedgen" "$CORPUS"

# The protocol document's test vectors: `hex: ..` lines inside ```vector blocks.
hex_to_file() { printf '%b' "$(sed -E 's/[[:space:]]+//g; s/([0-9A-Fa-f]{2})/\\x\1/g' <<<"$1")" >"$2"; }
all_vectors=""
while IFS= read -r line; do
  vname=$(cut -d'|' -f1 <<<"$line")
  hex=$(cut -d'|' -f2 <<<"$line")
  hex_to_file "$hex" "$CORPUS/native_decoder/vector-$vname"
  all_vectors+="$hex "
done < <(awk '/^```vector/{v=1; n=""; next} /^```/{v=0} v && /^name:/{n=$2} v && /^hex:/{sub(/^hex: */,""); print n "|" $0}' firmware-protocol.md)
[ -n "$all_vectors" ] && hex_to_file "$all_vectors" "$CORPUS/native_decoder/vectors-all"

# ATT PDUs, one per modelled opcode (the layouts of Bluetooth Core Vol 3 Part F, 3.4).
att_seeds=(010A030005 02F700 031700 040100FFFF 0501030002290400012901 080100FFFF0328 100100FFFF0028
  09070200100300E4FF0500080600E9FF 0A0300 0B6400 110601000700001808000B000F18 1204000100 13
  520600FFAA273A00 1B030055611000 1D09000100FFFF 1E 160400000000AA
  05021000FB349A5F8000008000100000E4FF0000 11140C00FFFFFB349A5F8000008000100000E5FF0000)
for i in "${!att_seeds[@]}"; do hex_to_file "${att_seeds[$i]}" "$CORPUS/att_pdu/seed-$i"; done
# Length-prefixed notifications: a native status frame, a native IMU batch, micro:bit samples.
ble_seeds=(0F10200B00404B4C00576E0F0200350C
  3410100700A0252600030010270800D00700000000001000000000000066FE0C00EB0F1000DFFF0100CCFCFBFFAE0FF0FF02000000
  0606FF0100000406000001000004 0F10200B00404B4C00576E0F0200350C0606FF01000004)
for i in "${!ble_seeds[@]}"; do hex_to_file "${ble_seeds[$i]}" "$CORPUS/ble_notifications/seed-$i"; done

# HCI events a scan reads (Command Complete, Command Status, legacy and extended advertising
# reports), a scan command, and bare advertising data.
hci_seeds=(040E04010B2000 040E04010B200C 040F0401010C20
  043E2102010000010000EEFFC015020106110710""4E2A1B3C9D0B9F2E4C6F5B01001E6AC4
  043E19020104000100""00EEFFC00D0C09476C7574654272696467""65C6
  043E22020203011122334455C60403030F18B0000006050403020108""07FF4C0001020304A6
  043E3C0D010100013322110""05ED401010204CE00000000000000000022020106""0C09476C7574654272696467651107104E2A1B3C9D0B9F2E4C6F5B01001E6A
  010B2007011200120000 02010603030F180C09476C7574654272696467650408424243)
for i in "${!hci_seeds[@]}"; do hex_to_file "${hci_seeds[$i]}" "$CORPUS/hci_event/seed-$i"; done

# Event logs as monitor and replay write them (README "Events"), and a daily file begun at midnight.
session='{"schema":1,"type":"session","t":0,"time":"2026-03-02T08:00:00.000+01:00","source":"sim:desk-day","tool":"glutebridge"}'
printf '%s\n' "$session" \
  '{"type":"posture","t":12.5,"time":"2026-03-02T08:00:12.500+01:00","posture":"sitting","since":12.5,"previous":"standing"}' \
  '{"type":"sitting.prolonged","t":1812.5,"time":"2026-03-02T08:30:12.500+01:00","since":12.5,"duration_s":1800,"limit_s":1800}' \
  '{"type":"tilt.anterior.start","t":1900,"time":"2026-03-02T08:31:40.000+01:00","angle":14.2,"threshold":10,"delay_s":5}' \
  '{"type":"squeeze","t":2000,"time":"2026-03-02T08:33:20.000+01:00","start":1998,"duration_s":2,"side":"left","strength":0.4,"source":"imu"}' \
  '{"type":"exercise.set","t":2100,"time":"2026-03-02T08:35:00.000+01:00","reps":10,"target_reps":10,"short_reps":1,"mean_hold_s":5.1}' \
  '{"type":"link.gap","t":2200,"time":"2026-03-02T08:36:40.000+01:00","duration_s":1.5,"lost_frames":3}' \
  '{"type":"sitting.break","t":2400,"time":"2026-03-02T08:40:00.000+01:00","bout_s":2300,"break_s":87.5}' >"$CORPUS/event_log/seed-day"
printf '%s\n' '{"schema":1,"type":"session","t":86400,"time":"2026-03-03T00:00:00.000+01:00","source":"sim","continues":true,"posture":"sitting"}' \
  '{"type":"session.end","t":90000}' >"$CORPUS/event_log/seed-midnight"

# Heads of real recordings, for the text decoders: only when asked, into the separate corpus.
if [ "$RECORDINGS" != 1 ]; then
  :
elif [ -d "$DATA" ]; then
  while IFS= read -r f; do
    seed=head-$(basename "$(dirname "$f")")-$(basename "$f" .gz)
    if [[ $f == *.gz ]]; then zcat "$f" 2>/dev/null | head -c 4096 >"$CORPUS/csv/$seed" || true
    else head -c 4096 "$f" >"$CORPUS/csv/$seed"; fi
    cp "$CORPUS/csv/$seed" "$CORPUS/plotter/$seed"
  done < <(find "$DATA" \( -name '*.csv' -o -name '*.csv.gz' \) | sort | head -n 12)
else
  echo "fuzz: no recordings at $DATA; text decoders start from generated seeds only"
fi
echo "fuzz: built and seeded in $(( $(date +%s) - started )) s"

# --merge: the committed seeds plus the grown corpus, minimised, become the committed seeds.
if [ "$MERGE" = 1 ]; then
  bytes_in() { find "$1" -type f -printf '%s\n' | awk '{ n += $1 } END { print n + 0 }'; }
  printf '\n%-18s %7s %9s %7s %9s\n' target before bytes after bytes
  for t in "${TARGETS[@]}"; do
    read -r name _ _ max_len <<<"$t"
    max_len=${FUZZ_MAX_LEN:-$max_len}
    mkdir -p "$SEEDS/$name"
    before=$(find "$SEEDS/$name" -type f | wc -l); before_bytes=$(bytes_in "$SEEDS/$name")
    merged=$(mktemp -d)
    SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0 "$BIN/fuzz-$name" -merge=1 -max_len="$max_len" \
      "$merged" "$SEEDS/$name" "$CORPUS/$name" >"$LOGS/merge-$name.log" 2>&1 \
      || { rm -rf "$merged"; echo "fuzz: merging $name failed, see Fuzz/logs/merge-$name.log" >&2; exit 1; }
    rm -rf "${SEEDS:?}/$name"
    mv "$merged" "$SEEDS/$name"
    chmod 755 "$SEEDS/$name"
    printf '%-18s %7s %9s %7s %9s\n' "$name" "$before" "$before_bytes" "$(find "$SEEDS/$name" -type f | wc -l)" "$(bytes_in "$SEEDS/$name")"
  done
  echo "fuzz: Fuzz/seeds updated; review and commit it (git add Fuzz/seeds)"
  exit 0
fi

# Split the budget: every target gets at least one second.
count=${#TARGETS[@]}
share=$(( BUDGET / count )); [ "$share" -ge 1 ] || share=1
extra=$(( BUDGET > share * count ? BUDGET - share * count : 0 ))

failed=0
printf '\n%-15s %5s %11s %9s %6s %7s  %s\n' target secs execs execs/s cov corpus result
for t in "${TARGETS[@]}"; do
  read -r name _ _ max_len <<<"$t"
  max_len=${FUZZ_MAX_LEN:-$max_len}
  seconds=$share
  if [ "$extra" -gt 0 ]; then seconds=$((seconds + 1)); extra=$((extra - 1)); fi
  mkdir -p "$ARTIFACTS/$name"
  log=$LOGS/$name.log
  rc=0
  mkdir -p "$SEEDS/$name"
  limit=(-max_total_time="$seconds")
  [ -n "$RUNS" ] && limit=(-runs="$RUNS")
  target_started=$(date +%s)
  # New inputs go to the first directory only: the committed seeds are read, never written.
  # Swift's own backtracer would run inside ASan and report itself; libFuzzer's handler suffices.
  SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0 "$BIN/fuzz-$name" "$CORPUS/$name" "$SEEDS/$name" \
    "${limit[@]}" -max_len="$max_len" -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$ARTIFACTS/$name/" -print_final_stats=1 >"$log" 2>&1 || rc=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n1)
  cov=$( (grep -o 'cov: [0-9]*' "$log" || true) | tail -n1 | cut -d' ' -f2)
  corpus=$(find "$CORPUS/$name" "$SEEDS/$name" -type f | wc -l)
  [ -n "$RUNS" ] && seconds=$(( $(date +%s) - target_started ))
  if [ "$rc" -eq 0 ]; then result=ok; else
    result="FAILED (exit $rc)"
    artifact=$( (grep -o "Test unit written to [^ ]*" "$log" || true) | tail -n1 | cut -d' ' -f5)
    [ -n "$artifact" ] && result+=" reproducer: ${artifact#"$ROOT"/}"
    failed=1
  fi
  printf '%-15s %5s %11s %9s %6s %7s  %s\n' "$name" "$seconds" "${execs:-?}" "${rate:-?}" "${cov:-?}" "$corpus" "$result"
  if [ "$rc" -ne 0 ]; then
    grep -E 'Fatal error|ERROR: (AddressSanitizer|libFuzzer)|SUMMARY|^0x|^    #[0-9]' "$log" | head -n 25 | sed 's/^/    /'
  fi
done
echo "fuzz: total $(( $(date +%s) - started )) s; logs in Fuzz/logs"
if [ "$failed" -ne 0 ]; then
  echo "fuzz: FAILED. Reproduce with: Fuzz/bin/fuzz-TARGET Fuzz/artifacts/TARGET/crash-..." >&2
  exit 1
fi
