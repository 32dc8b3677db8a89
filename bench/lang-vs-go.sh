#!/usr/bin/env bash
# Compiles and runs the programs of bench/programs with GoPL and with real Go, and prints one
# line per program: both wall times (JIT warm-up and JVM start included, as a user sees it) and
# the ratio GoPL/Go (goal: <= 1.5), then the same with the jar's AOT cache, then the ratio of CPU
# times (user+sys of the whole process: steadier than wall time on a shared machine, but it counts
# the JVM's JIT and GC threads). Then the compiler's `gopl check` throughput in lines/second on the
# largest program of tests/programs and on a generated 1000-line program (wall and CPU).
# Needs Debian's golang-go (installed when missing) and /usr/bin/time.
#
# The AOT column, gopl_aot_ms, runs the same jar with the JDK 25 AOT cache that
# `gopl build -aot -aot-args N` records beside it (-XX:AOTCache, JEPs 483/514/515: pre-loaded and
# pre-linked classes plus the method profiles of a training run with the --quick argument).
# Each timing is the best of $GOPL_BENCH_RUNS runs (default 1), for a machine that is shared.
#
# Workload sizes: the default sizes make Go run about a second on a quiet 2-core machine (nbody
# 9M steps ~1.0 s, spectralnorm 3200 ~1.0 s, fannkuch 11 ~2.9 s: 10 is ~0.25 s, wordfreq 16M words
# ~1.0 s). Until 2026-11-25 they were nbody 5M, spectralnorm 2000, fannkuch 10, wordfreq 2M (Go
# 120-580 ms, where the JVM's start-up and JIT warm-up weigh more): GOPL_BENCH_SIZES=old runs those,
# so that figures stay comparable with earlier reports.
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

# program, its argument (see "Workload sizes" above) and the AOT training argument.
if [ "$quick" = "--quick" ]; then
  cases="nbody:100000:100000 spectralnorm:300:300 fannkuch:8:8 wordfreq:200000:200000"
elif [ "${GOPL_BENCH_SIZES:-}" = old ]; then
  cases="nbody:5000000:100000 spectralnorm:2000:300 fannkuch:10:8 wordfreq:2000000:200000"
else
  cases="nbody:9000000:100000 spectralnorm:3200:300 fannkuch:11:8 wordfreq:16000000:200000"
fi

# Runs a command, output to out.txt; prints "WALL_MS CPU_MS" (CPU = user + sys).
ms() {
  /usr/bin/time -f '%e %U %S' -o "$work/time.txt" "$@" >"$work/out.txt"
  awk '{ printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000 }' "$work/time.txt"
}
best() {
  local b=0 bc=0 t c i
  for ((i = 0; i < runs; i++)); do
    read -r t c < <(ms "$@")
    if ((b == 0 || t < b)); then b=$t bc=$c; fi
  done
  echo "$b $bc"
}
same() { cmp -s "$work/out.txt" "$work/$1.go.out" || { echo "$1: GoPL output differs from Go's:" >&2; diff "$work/$1.go.out" "$work/out.txt" >&2 || true; }; }
ratio() { local d=$2; ((d > 0)) || d=1; echo "$1 / $d" | bc -l; }

"$root/gopl" version >/dev/null # builds the tool on first use
java=("$JAVA_HOME/bin/java") # as a user runs a jar (its manifest enables native access)
printf '%-14s %8s %8s %8s %12s %8s %8s\n' program go_ms gopl_ms gopl/go gopl_aot_ms aot/go cpu_ratio
for c in $cases; do
  IFS=: read -r p n train <<<"$c"
  mkdir -p "$work/$p"
  cp "$here/programs/$p.gop" "$work/$p/main.go"
  (cd "$work/$p" && go mod init bench >/dev/null 2>&1 && go build -o "$work/$p.go.bin" .)
  "$root/gopl" build -aot -aot-args "$train" -o "$work/$p.jar" "$here/programs/$p.gop"
  read -r go_ms go_cpu < <(best "$work/$p.go.bin" "$n"); cp "$work/out.txt" "$work/$p.go.out"
  read -r gopl_ms gopl_cpu < <(best "${java[@]}" -jar "$work/$p.jar" "$n"); same "$p"
  read -r aot_ms _ < <(best "${java[@]}" -XX:AOTCache="$work/$p.aot" -Xlog:aot=off -Xlog:cds=off -jar "$work/$p.jar" "$n"); same "$p"
  printf '%-14s %8d %8d %8.2f %12d %8.2f %8.2f\n' "$p" "$go_ms" "$gopl_ms" "$(ratio "$gopl_ms" "$go_ms")" \
    "$aot_ms" "$(ratio "$aot_ms" "$go_ms")" "$(ratio "$gopl_cpu" "$go_cpu")"
done

# gopl check: the largest corpus program, and 1000 generated lines (100 functions) using fmt,
# strconv and strings. The launcher runs the compiler with its AOT cache (see ../gopl).
largest=$(find "$root/tests/programs" -name '*.gop' -printf '%s %p\n' | sort -n | tail -1 | cut -d' ' -f2)
gen="$work/gen1000.gop"
{
  printf 'package main\n\nimport (\n\t"fmt"\n\t"strconv"\n\t"strings"\n)\n\n'
  for ((i = 0; i < 82; i++)); do
    printf 'func f%d(xs []int, s string) (int, string) {\n\ttotal := 0\n\tfor i, x := range xs {\n' "$i"
    printf '\t\tif x%%2 == 0 {\n\t\t\ttotal += x * i\n\t\t} else {\n\t\t\ttotal -= x\n\t\t}\n\t}\n'
    printf '\treturn total + %d, strings.ToUpper(s) + strconv.Itoa(total)\n}\n\n' "$i"
  done
  printf 'func main() {\n\tn, s := f0([]int{1, 2, 3}, "x")\n\tfmt.Println(n, s)\n}\n'
} >"$gen"
"$root/gopl" check "$gen" # records the launcher's cache if needed (not timed)
for f in "$largest" "$gen"; do
  lines=$(wc -l <"$f")
  read -r check_ms check_cpu < <(best "$root/gopl" check "$f")
  echo "gopl check: $lines lines of $(basename "$f") in ${check_ms} ms wall, ${check_cpu} ms CPU (JVM start included):" \
    "$(( lines * 1000 / (check_ms > 0 ? check_ms : 1) )) lines/s wall, $(( lines * 1000 / (check_cpu > 0 ? check_cpu : 1) )) lines/s CPU"
done
