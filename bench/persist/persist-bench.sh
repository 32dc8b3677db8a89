#!/usr/bin/env bash
# persist-bench.sh [N] [ROUNDS]: persistent data structures (issue 7). Runs ds.gop's workloads
# (linked-list insert, hash-map insert and lookup, skiplist insert, B-tree insert; one undo txn
# per operation)
# four ways and prints ns/op and the ratios the issue asks for:
#   gopl_p      GoPL, persistent data in txns (heap on /dev/shm: the pmem domain via libpmem)
#   gopl_p_nt   the same, compiled without persistence tags (-Dgopl.persist.tags=false)
#   gopl_v      GoPL, the same code on volatile data (no txns)
#   java_p      hand-written Java over the same heap API (JavaDs.java)
# Goals: gopl_p / gopl_v <= 3; gopl_p / java_p <= 1.2. Each program runs every workload ROUNDS
# times and reports its best round after the first (warm-up); two tables: process CPU time per
# op (less sensitive to other processes than wall time; compare ratios within one run) and wall
# time per op. The load
# average is printed before and after. Then restart.gop: the first access to persistent slices of
# 10^6 elements in a new JVM (the mirror build), 3 runs.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
N=${1:-50000}
ROUNDS=${2:-5}
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
echo "N=$N rounds=$ROUNDS; before: $(uptime)"
run -jar "$WORK/ds.jar" "$HEAP" p "$N" "$ROUNDS" > "$WORK/p"
run -jar "$WORK/ds_nt.jar" "$HEAP" p "$N" "$ROUNDS" > "$WORK/pnt"
run -jar "$WORK/ds.jar" "$HEAP" v "$N" "$ROUNDS" > "$WORK/v"
run -cp "$WORK/ds.jar:$WORK" JavaDs "$HEAP" "$N" "$ROUNDS" > "$WORK/j"
echo "after: $(uptime)"
table() { # $1: column of the ns/op figure (2 wall, 3 cpu)
  printf '%-16s %10s %10s %10s %10s %8s %8s %8s\n' name gopl_p gopl_p_nt gopl_v java_p p/v p/java nt/p
  join <(cut -d' ' -f1,"$1" "$WORK/p" | sort) <(cut -d' ' -f1,"$1" "$WORK/pnt" | sort) |
    join - <(cut -d' ' -f1,"$1" "$WORK/v" | sort) | join - <(cut -d' ' -f1,"$1" "$WORK/j" | sort) |
    awk '{ printf "%-16s %10d %10d %10d %10d %8.2f %8.2f %8.2f\n", $1, $2, $3, $4, $5,
      $2 / ($4 > 0 ? $4 : 1), $2 / ($5 > 0 ? $5 : 1), $3 / ($2 > 0 ? $2 : 1) }'
}
echo "CPU ns/op (process utime+stime, mean of the rounds after the first):"
table 3
echo "wall ns/op (best round):"
table 2
# restart cost: first access to a 10^6-element []int and []*item in a new JVM (restart.gop)
"$ROOT/gopl" build -o "$WORK/restart.jar" "$ROOT/bench/persist/restart.gop"
rm -f "$HEAP"
"$JAVA" --enable-native-access=ALL-UNNAMED -jar "$WORK/restart.jar" "$HEAP" 1000000 > /dev/null
echo "restart (wall ns, CPU ns), 3 runs; $(uptime)"
for _ in 1 2 3; do "$JAVA" --enable-native-access=ALL-UNNAMED -jar "$WORK/restart.jar" "$HEAP" 1000000 | tr '\n' ' '; echo; done
rm -f "$HEAP"
