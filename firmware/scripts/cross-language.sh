#!/usr/bin/env bash
# Cross-language test: the C library encodes a seeded random sequence of every message type
# (10,000 frames), `glutebridge decode` decodes it, and its output must equal, line for line,
# what the C program says it encoded (summary counters included).
# Usage: cross-language.sh RANDOM_STREAM GLUTEBRIDGE WORKDIR [SEED] [FRAMES]
set -euo pipefail
generator=$1 glutebridge=$2 work=$3 seed=${4:-20261204} frames=${5:-10000}
if [ ! -x "$glutebridge" ]; then
  echo "cross-language: FAIL: no glutebridge binary at $glutebridge (swift build makes it)" >&2
  exit 1
fi
mkdir -p "$work"
"$generator" "$seed" "$frames" "$work/stream.bin" "$work/expected.jsonl"
"$glutebridge" decode "$work/stream.bin" > "$work/decoded.jsonl"
expected=$(wc -l < "$work/expected.jsonl")
decoded=$(wc -l < "$work/decoded.jsonl")
# Lines present on one side only, or in a different place: each is a value the two sides
# disagree on.
mismatches=$(diff "$work/expected.jsonl" "$work/decoded.jsonl" | grep -c '^[<>]' || true)
echo "cross-language: $frames frames, $(stat -c %s "$work/stream.bin") bytes; $expected lines expected, $decoded decoded, $mismatches mismatching lines"
echo "cross-language: decode summary: $(tail -n 1 "$work/decoded.jsonl")"
if [ "$mismatches" -ne 0 ]; then
  echo "cross-language: FAIL; first differences (< C encoder, > Swift decoder):"
  diff "$work/expected.jsonl" "$work/decoded.jsonl" | head -n 10
  exit 1
fi
echo "cross-language: PASS"
