#!/usr/bin/env bash
# Replays every simulator scenario and every recording in ../shared/data through one glutebridge
# binary and keeps the events, so that a refactor can prove it left them byte-identical:
#
#   scripts/events-fingerprint.sh .build/release/glutebridge /tmp/before
#   ... change ...
#   scripts/events-fingerprint.sh .build/release/glutebridge /tmp/after
#   diff -r /tmp/before /tmp/after && echo identical
#
# Inputs are copied to a scratch folder with a fixed modification time (plain files are dated from
# it) and TZ=UTC, so two runs of the same binary give the same bytes.
set -euo pipefail
if [ $# -ne 2 ]; then echo "usage: $0 GLUTEBRIDGE_BINARY OUT_DIR" >&2; exit 2; fi
bin=$(realpath "$1"); out=$(mkdir -p "$2" && realpath "$2")
data=${GLUTEBRIDGE_DATA:-$(dirname "$0")/../../shared/data}
export TZ=UTC
mkdir -p "$out"
scratch=$(mktemp -d); trap 'rm -rf "$scratch"' EXIT
stamp='2026-01-02 03:04:05'

replay() { # NAME FILE [OPTIONS...]
    local name=$1 file=$2; shift 2
    touch -d "$stamp" "$file"
    # From inside the scratch folder, so the session line names the file, not the random folder.
    (cd "$(dirname "$file")" && "$bin" replay "$(basename "$file")" --format jsonl --speed max --summary "$@" >"$out/$name.jsonl" 2>"$out/$name.stderr") \
        || echo "exit $?" >>"$out/$name.stderr"
}

for scenario in desk-day standing tilt sitting squeezes single-leg cushion; do
    "$bin" simulate -o "$scratch/$scenario.bin" --scenario "$scenario" --seed 7
    replay "scenario-$scenario" "$scratch/$scenario.bin"
done

if [ -d "$data/hapt" ]; then
    for f in "$data"/hapt/exp*_user*.csv; do
        case $f in *.labels.csv) continue ;; esac
        cp "$f" "$scratch/"; replay "hapt-$(basename "$f" .csv)" "$scratch/$(basename "$f")"
    done
else
    echo "$data/hapt is absent: recordings skipped" >&2
fi
if [ -d "$data/mobgap-lowerback" ]; then
    for f in "$data"/mobgap-lowerback/*.csv.gz; do
        n=$(basename "$f" .csv.gz); zcat "$f" >"$scratch/$n.csv"; replay "mobgap-$n" "$scratch/$n.csv"
    done
fi
if [ -f "$data/sit2stand-lumbar/sample.csv" ]; then
    cp "$data/sit2stand-lumbar/sample.csv" "$scratch/sit2stand.csv"
    replay sit2stand "$scratch/sit2stand.csv" --columns time_us,acc_x_mps2,acc_y_mps2,acc_z_mps2
fi
if [ -f "$data/fusion/sensor_data.csv" ]; then
    cp "$data/fusion/sensor_data.csv" "$scratch/fusion.csv"; replay fusion "$scratch/fusion.csv"
fi
(cd "$out" && sha256sum *.jsonl *.stderr >SHA256SUMS)
echo "$(ls "$out"/*.jsonl | wc -l) inputs, $(cat "$out"/*.jsonl | wc -l) lines of events in $out"
