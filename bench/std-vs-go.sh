#!/usr/bin/env bash
# Runs the concurrency and standard-library programs of bench/std with GoPL and with real Go
# (the same source copied to main.go) and prints one line per case: both wall times (JVM start
# and JIT warm-up included) and the ratio GoPL/Go (issue 5's goal: <= 2). Each case runs
# $GOPL_BENCH_RUNS times (default 3) on each side and the best time is kept, because the
# machine may be shared. The TCP echo case runs only when GoPL has a `net` package. As in
# lang-vs-go.sh, gopl_aot_ms runs the jar with a JDK 25 AOT cache recorded by one untimed
# training run with the smaller (--quick) argument.
# Usage: bench/std-vs-go.sh [--quick]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
quick=${1:-}
runs=${GOPL_BENCH_RUNS:-3}

if ! command -v go >/dev/null; then
  echo "installing golang-go (Debian) for the comparison..." >&2
  (apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q golang-go) >&2
fi

# shellcheck source=../scripts/jdk.sh
source "$root/scripts/jdk.sh"
gopl_find_jdk

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# case and its argument (issue 5's sizes where it gives one; the others sized so that Go runs for about a second; --quick is smaller).
# case:argument:training argument
if [ "$quick" = "--quick" ]; then
  cases="pingpong:100000:100000 spawn:10000:10000 sprintf:20000:20000 itoa:1000000:1000000 sortints:100000:100000 tcpecho:2000:2000"
else
  cases="pingpong:1000000:100000 spawn:100000:10000 sprintf:200000:20000 itoa:10000000:1000000 sortints:1000000:100000 tcpecho:20000:2000"
fi

ms() { local s e; s=$(date +%s%N); "$@" >"$work/out.txt"; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
best() { local b=0 t i; for ((i = 0; i < runs; i++)); do t=$(ms "$@"); if ((b == 0 || t < b)); then b=$t; fi; done; echo "$b"; }

"$root/gopl" version >/dev/null # builds the tool on first use
java=("$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED)
same() { cmp -s "$work/out.txt" "$work/$1.go.out" || { echo "$1: GoPL output differs from Go's:" >&2; diff "$work/$1.go.out" "$work/out.txt" >&2 || true; }; }
printf '%-10s %9s %10s %10s %8s %12s %8s\n' case n go_ms gopl_ms gopl/go gopl_aot_ms aot/go
for c in $cases; do
  IFS=: read -r p n train <<<"$c"
  if ! "$root/gopl" build -o "$work/$p.jar" "$here/std/$p.gop" >"$work/build.txt" 2>&1; then
    printf '%-10s %9s %s\n' "$p" "$n" "skipped: GoPL cannot build it yet ($(head -1 "$work/build.txt"))"
    continue
  fi
  mkdir -p "$work/$p"
  cp "$here/std/$p.gop" "$work/$p/main.go"
  (cd "$work/$p" && go mod init bench >/dev/null 2>&1 && go build -o "$work/$p.go.bin" .)
  go_ms=$(best "$work/$p.go.bin" "$n"); cp "$work/out.txt" "$work/$p.go.out"
  gopl_ms=$(best "${java[@]}" -jar "$work/$p.jar" "$n"); same "$p"
  "${java[@]}" -XX:AOTCacheOutput="$work/$p.aot" -Xlog:aot=off -Xlog:cds=off -jar "$work/$p.jar" "$train" >/dev/null 2>&1
  aot_ms=$(best "${java[@]}" -XX:AOTCache="$work/$p.aot" -jar "$work/$p.jar" "$n"); same "$p"
  printf '%-10s %9s %10d %10d %8.2f %12d %8.2f\n' "$p" "$n" "$go_ms" "$gopl_ms" "$(echo "$gopl_ms / $go_ms" | bc -l)" \
    "$aot_ms" "$(echo "$aot_ms / $go_ms" | bc -l)"
done
