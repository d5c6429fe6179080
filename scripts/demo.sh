#!/usr/bin/env bash
# make demo: the virtual sensor's compressed desk day (44 simulated minutes) at 45x speed on a
# pseudo terminal, watched by `monitor` in the live view. Every detector fires; it ends by itself
# after about a minute and prints the summary. Ctrl-C ends it early.
set -euo pipefail
bin=${1:-.build/debug/glutebridge}
speed=${DEMO_SPEED:-45}
echo "glutebridge demo: a simulated desk day at ${speed}x (Ctrl-C to stop)"
exec "$bin" monitor sim:desk-day --speed "$speed" --sit-limit 30m
