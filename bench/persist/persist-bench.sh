#!/usr/bin/env bash
# persist-bench.sh [N]: persistent data structures (issue 7). Runs ds.gop's workloads (linked-list
# insert, hash-map insert and lookup; one undo txn per operation) four ways in one go and prints
# ns/op and the ratios the issue asks for:
#   gopl_p      GoPL, persistent data in txns (heap on /dev/shm: the pmem domain via libpmem)
#   gopl_p_nt   the same, compiled without persistence tags (-Dgopl.persist.tags=false)
#   gopl_v      GoPL, the same code on volatile data (no txns)
#   java_p      hand-written Java over the same heap API (JavaDs.java)
# Goals: gopl_p / gopl_v <= 3; gopl_p / java_p <= 1.2. Wall times include nothing but the loops
# (measured inside each program; the second, warm round of each workload is reported).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
N=${1:-50000}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK" /dev/shm/gopl-bench-$$.heap' EXIT
source "$ROOT/scripts/jdk.sh"
gopl_find_jdk
JAVA="$JAVA_HOME/bin/java"
"$ROOT/gopl" build -o "$WORK/ds.jar" "$ROOT/bench/persist/ds.gop"
GOPL_JAVA_OPTS="-Dgopl.persist.tags=false" "$ROOT/gopl" build -o "$WORK/ds_nt.jar" "$ROOT/bench/persist/ds.gop"
"$JAVA_HOME/bin/javac" -d "$WORK" -cp "$WORK/ds.jar" "$ROOT/bench/persist/JavaDs.java"
HEAP=/dev/shm/gopl-bench-$$.heap
run() { rm -f "$HEAP"; "$JAVA" --enable-native-access=ALL-UNNAMED "$@" | grep -v '^#'; rm -f "$HEAP"; }
run -jar "$WORK/ds.jar" "$HEAP" p "$N" > "$WORK/p"
run -jar "$WORK/ds_nt.jar" "$HEAP" p "$N" > "$WORK/pnt"
run -jar "$WORK/ds.jar" "$HEAP" v "$N" > "$WORK/v"
run -cp "$WORK/ds.jar:$WORK" JavaDs "$HEAP" "$N" > "$WORK/j"
printf '%-12s %10s %10s %10s %10s %8s %8s %8s\n' name gopl_p gopl_p_nt gopl_v java_p p/v p/java nt/p
join <(sort "$WORK/p") <(sort "$WORK/pnt") | join - <(sort "$WORK/v") | join - <(sort "$WORK/j") |
  awk '{ printf "%-12s %10d %10d %10d %10d %8.2f %8.2f %8.2f\n", $1, $2, $3, $4, $5, $2/$4, $2/$5, $3/$2 }'
