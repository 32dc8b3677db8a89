#!/bin/sh
# Re-checks every case of syntax-errors.txt against real gc (Go 1.19): writes each case to a
# temporary x.go, runs `go build`, drops type-checker "undefined" lines, and diffs the
# "line:col: message" lines with the expected ones. Usage: sh verify-with-gc.sh
set -e
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
awk -v dir="$tmp" '
  /^=== / { name=$2; file=dir "/" name ".go"; want=dir "/" name ".exp"; mode="src"; next }
  /^---$/ { mode="exp"; next }
  mode=="src" { print > file; next }
  mode=="exp" && NF { print > want }
' "$here/syntax-errors.txt"
status=0
for src in "$tmp"/*.go; do
  exp="${src%.go}.exp"
  got=$(cd "$tmp" && go build -o /dev/null "$(basename "$src")" 2>&1 | grep -v '^#' | grep -v undefined | sed 's/^[^:]*://' || true)
  if [ "$got" != "$(cat "$exp" 2>/dev/null)" ]; then echo "MISMATCH $(basename "$src")"; echo "$got"; status=1; fi
done
rm -rf "$tmp"
exit $status
