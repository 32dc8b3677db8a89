#!/usr/bin/env bash
# Compiles and runs the programs of bench/programs with GoPL and with real Go, and prints one
# line per program: both wall times (JIT warm-up and JVM start included, as a user sees it) and
# the ratio GoPL/Go (goal: <= 1.5). Then the compiler's `gopl check` throughput in lines/second
# on the largest program of tests/programs. Needs Debian's golang-go (installed when missing).
# Usage: bench/lang-vs-go.sh [--quick]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
quick=${1:-}

if ! command -v go >/dev/null; then
  echo "installing golang-go (Debian) for the comparison..." >&2
  (apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q golang-go) >&2
fi

# shellcheck source=../scripts/jdk.sh
source "$root/scripts/jdk.sh"
gopl_find_jdk

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# program and its argument: sized so that Go runs for roughly a second.
if [ "$quick" = "--quick" ]; then
  cases="nbody:100000 spectralnorm:300 fannkuch:8 wordfreq:200000"
else
  cases="nbody:5000000 spectralnorm:2000 fannkuch:10 wordfreq:2000000"
fi

ms() { local s e; s=$(date +%s%N); "$@" >"$work/out.txt"; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }

"$root/gopl" version >/dev/null # builds the tool on first use
printf '%-14s %10s %10s %8s\n' program go_ms gopl_ms gopl/go
for c in $cases; do
  p=${c%%:*}; n=${c#*:}
  mkdir -p "$work/$p"
  cp "$here/programs/$p.gop" "$work/$p/main.go"
  (cd "$work/$p" && go mod init bench >/dev/null 2>&1 && go build -o "$work/$p.go.bin" .)
  "$root/gopl" build -o "$work/$p.jar" "$here/programs/$p.gop"
  go_ms=$(ms "$work/$p.go.bin" "$n"); cp "$work/out.txt" "$work/$p.go.out"
  gopl_ms=$(ms "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -jar "$work/$p.jar" "$n")
  if ! cmp -s "$work/out.txt" "$work/$p.go.out"; then
    echo "$p: GoPL output differs from Go's:" >&2; diff "$work/$p.go.out" "$work/out.txt" >&2 || true
  fi
  printf '%-14s %10d %10d %8.2f\n' "$p" "$go_ms" "$gopl_ms" "$(echo "$gopl_ms / $go_ms" | bc -l)"
done

largest=$(find "$root/tests/programs" -name '*.gop' -printf '%s %p\n' | sort -n | tail -1 | cut -d' ' -f2)
lines=$(wc -l <"$largest")
check_ms=$(ms "$root/gopl" check "$largest")
echo "gopl check: $lines lines of $(basename "$largest") in ${check_ms} ms (JVM start included): $(( lines * 1000 / (check_ms > 0 ? check_ms : 1) )) lines/s"
