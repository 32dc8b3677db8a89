#!/usr/bin/env bash
# tests/repl/latency.sh: how long `gopl repl` takes to evaluate a simple expression after the
# first one (issue 8: under 50 ms). Evaluates N inputs (default 100) in one session and prints
# min/p10/median/p90/max of the wall time per input, the median of each phase (parse, check,
# codegen, load, run) and the machine's load average (docs/repl.md "Latency").
#
# usage: tests/repl/latency.sh [N]     (builds the compiler jar through ./gopl when needed)
set -euo pipefail
ROOT=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)
# shellcheck source=scripts/jdk.sh
source "$ROOT/scripts/jdk.sh"
gopl_find_jdk || exit 2
"$ROOT/gopl" version >/dev/null # builds cli/target/gopl.jar if it is missing or stale
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$ROOT/cli/target/gopl.jar" gopl.repl.LatencyProbe "$@"
