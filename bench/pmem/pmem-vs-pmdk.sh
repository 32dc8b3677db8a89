#!/bin/sh
# Compares GoPL's persistent heap with PMDK's libpmemobj doing the same work on the same kind of
# file. Prints one line per case: name gopl_ns pmdk_ns ratio (ratio = pmdk_ns / gopl_ns; > 1 means
# GoPL is faster). Two setups, like with like:
#   shm:  a /dev/shm file; GoPL's pmem domain (libpmem flushes) vs PMDK with PMEM_IS_PMEM_FORCE=1
#   disk: a file under $TMPDIR (or /tmp); GoPL's msync domain vs PMDK on a non-pmem file (msync)
# Clock: the shm setup measures each side's thread CPU time (BENCH_CLOCK=cpu: flush instructions
# and fences stall the CPU, and CPU time does not count the time other processes on a shared
# machine take); the disk setup measures wall time (msync waits for the device). Override with
# SHM_CLOCK=wall.
# PMDK_COUNT=1 also prints, for the shm setup, the fences and flushes per operation of both sides
# (GoPL: its domain's counters; PMDK: libpmem calls counted by the LD_PRELOAD shim pmdk_count.c).
# Usage: bench/pmem/pmem-vs-pmdk.sh [OPS]   (needs gcc, libpmemobj-dev, a JDK >= 22, Maven)
set -eu
OPS=${1:-100000}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
if [ -z "${JAVA_HOME:-}" ] || [ ! -x "$JAVA_HOME/bin/java" ]; then
  JAVA_HOME=$(ls -d /usr/lib/jvm/*25* /usr/lib/jvm/*2[2-9]* 2>/dev/null | sort -V | tail -1 || true)
fi
[ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] || { echo "need a JDK >= 22 (set JAVA_HOME)" >&2; exit 1; }
export JAVA_HOME
[ -f /usr/include/libpmemobj.h ] || { echo "need libpmemobj-dev (apt-get install libpmemobj-dev)" >&2; exit 1; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
gcc -O2 -pthread -o "$WORK/pmdk_bench" "$ROOT/bench/pmem/pmdk_bench.c" -lpmemobj
[ "${PMDK_COUNT:-0}" = 1 ] && gcc -O2 -shared -fPIC -o "$WORK/pmdk_count.so" "$ROOT/bench/pmem/pmdk_count.c" -ldl
(cd "$ROOT" && mvn -B -q -pl runtime -am test-compile >/dev/null 2>&1)
CP="$ROOT/runtime/target/test-classes:$ROOT/runtime/target/classes"

run() { # setup dir gopl_domain pmdk_env ops clock
  BENCH_CLOCK=$6 "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$CP" gopl.runtime.pmem.PmemBench \
    "$2/gopl-bench.pmem" "$3" "$5" 2>/dev/null > "$WORK/gopl.txt"
  env BENCH_CLOCK=$6 $4 "$WORK/pmdk_bench" "$2/pmdk-bench.pool" "$5" > "$WORK/pmdk.txt"
  rm -f "$2/gopl-bench.pmem" "$2/pmdk-bench.pool"
  echo "# $1 (GoPL domain $3, PMDK $4), $5 ops, $6 time"
  awk 'NR == FNR { p[$1] = $2; next }
       { if ($1 in p) printf "%s %.0f %.0f %.2f\n", $1, $2, p[$1], p[$1] / $2;
         else printf "%s %.0f - -\n", $1, $2 }' "$WORK/pmdk.txt" "$WORK/gopl.txt"
}

if [ "${PMDK_COUNT:-0}" = 1 ] && [ -d /dev/shm ]; then # counts only: the shim's calls cost time
  echo "# fences and flushes per operation (shm setup, ${OPS} ops)"
  "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$CP" gopl.runtime.pmem.PmemBench \
    /dev/shm/gopl-count.pmem pmem "$OPS" 2>&1 >/dev/null | grep 'flushes/op' | sed 's/^/# gopl /'
  env PMEM_IS_PMEM_FORCE=1 LD_PRELOAD="$WORK/pmdk_count.so" "$WORK/pmdk_bench" /dev/shm/pmdk-count.pool "$OPS" 2>&1 >/dev/null \
    | grep -v '^setup' | sed 's/^/# /'
  rm -f /dev/shm/gopl-count.pmem /dev/shm/pmdk-count.pool
fi
echo "name gopl_ns pmdk_ns ratio"
[ -d /dev/shm ] && run shm /dev/shm pmem PMEM_IS_PMEM_FORCE=1 "$OPS" "${SHM_CLOCK:-cpu}"
# msync costs milliseconds per fence on a disk: far fewer operations there
run disk "${TMPDIR:-/tmp}" msync PMEM_IS_PMEM_FORCE=0 "${DISK_OPS:-$((OPS / 200 + 10))}" wall
