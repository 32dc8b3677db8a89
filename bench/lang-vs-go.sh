#!/usr/bin/env bash
# Compiles and runs the programs of bench/programs with GoPL and with real Go, and prints one
# line per program: both wall times (JIT warm-up and JVM start included, as a user sees it) and
# the ratio GoPL/Go (goal: <= 1.5). Then the compiler's `gopl check` throughput in lines/second
# on the largest program of tests/programs. Needs Debian's golang-go (installed when missing).
#
# A second GoPL column, gopl_aot_ms, runs the same jar with a JDK 25 AOT cache
# (-XX:AOTCache, JEP 483/514/515: pre-loaded and pre-linked classes plus the method profiles of
# a training run) recorded beforehand by one run with the --quick argument (not timed), as a
# `gopl build` that trains its jar would do; ratio aot/go is that column over Go's.
# Each timing is the best of $GOPL_BENCH_RUNS runs (default 1), for a machine that is shared.
# Usage: bench/lang-vs-go.sh [--quick]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
quick=${1:-}
runs=${GOPL_BENCH_RUNS:-1}

if ! command -v go >/dev/null; then
  echo "installing golang-go (Debian) for the comparison..." >&2
  (apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q golang-go) >&2
fi

# shellcheck source=../scripts/jdk.sh
source "$root/scripts/jdk.sh"
gopl_find_jdk

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# program, its argument (sized so that Go runs for roughly a second) and the AOT training argument.
if [ "$quick" = "--quick" ]; then
  cases="nbody:100000:100000 spectralnorm:300:300 fannkuch:8:8 wordfreq:200000:200000"
else
  cases="nbody:5000000:100000 spectralnorm:2000:300 fannkuch:10:8 wordfreq:2000000:200000"
fi

ms() { local s e; s=$(date +%s%N); "$@" >"$work/out.txt"; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
best() { local b=0 t i; for ((i = 0; i < runs; i++)); do t=$(ms "$@"); if ((b == 0 || t < b)); then b=$t; fi; done; echo "$b"; }
same() { cmp -s "$work/out.txt" "$work/$1.go.out" || { echo "$1: GoPL output differs from Go's:" >&2; diff "$work/$1.go.out" "$work/out.txt" >&2 || true; }; }

"$root/gopl" version >/dev/null # builds the tool on first use
java=("$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED)
printf '%-14s %10s %10s %8s %12s %8s\n' program go_ms gopl_ms gopl/go gopl_aot_ms aot/go
for c in $cases; do
  IFS=: read -r p n train <<<"$c"
  mkdir -p "$work/$p"
  cp "$here/programs/$p.gop" "$work/$p/main.go"
  (cd "$work/$p" && go mod init bench >/dev/null 2>&1 && go build -o "$work/$p.go.bin" .)
  "$root/gopl" build -o "$work/$p.jar" "$here/programs/$p.gop"
  go_ms=$(best "$work/$p.go.bin" "$n"); cp "$work/out.txt" "$work/$p.go.out"
  gopl_ms=$(best "${java[@]}" -jar "$work/$p.jar" "$n"); same "$p"
  "${java[@]}" -XX:AOTCacheOutput="$work/$p.aot" -Xlog:aot=off -Xlog:cds=off -jar "$work/$p.jar" "$train" >/dev/null 2>&1
  aot_ms=$(best "${java[@]}" -XX:AOTCache="$work/$p.aot" -jar "$work/$p.jar" "$n"); same "$p"
  printf '%-14s %10d %10d %8.2f %12d %8.2f\n' "$p" "$go_ms" "$gopl_ms" "$(echo "$gopl_ms / $go_ms" | bc -l)" \
    "$aot_ms" "$(echo "$aot_ms / $go_ms" | bc -l)"
done

largest=$(find "$root/tests/programs" -name '*.gop' -printf '%s %p\n' | sort -n | tail -1 | cut -d' ' -f2)
lines=$(wc -l <"$largest")
check_ms=$(ms "$root/gopl" check "$largest")
echo "gopl check: $lines lines of $(basename "$largest") in ${check_ms} ms (JVM start included): $(( lines * 1000 / (check_ms > 0 ? check_ms : 1) )) lines/s"
