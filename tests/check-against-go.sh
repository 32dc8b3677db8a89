#!/usr/bin/env bash
# check-against-go.sh: re-checks every conformance program's expectations against real Go.
#
# Usage: tests/check-against-go.sh [--update] [FILE.gop...]   (default: every tests/programs/**/*.gop)
#
# Each program is copied to a temporary directory as NAME.go and built with `go build`:
# - a program whose trailer has an `// Error:` block must fail to compile, and gc's first-line
#   messages (`./NAME.go:L:C: msg`, shown as `NAME.gop:L:C: msg`, also where a message names
#   another position of the file) must equal the block's lines;
#   a program marked `//gopl:error-wording-differs` only has to fail to compile.
# - any other program is run; its stdout must equal the `// Output:` block and its exit status
#   the `// Exit: N` line (0 when absent); a `// Stderr:` block must be the first lines of its
#   stderr (--update writes Go's first line for a panic). Comparison as the Java harness does it
#   (gopl.tests.Expectation): trailing spaces of each line and leading/trailing empty lines are
#   ignored.
# --update rewrites each program's trailer with what Go printed (how expectations are made:
# never by hand). Needs Go 1.19 (`go` on PATH; Debian: golang-go). Without it, says so and exits 0.
set -uo pipefail

HERE=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)
update=0
if [[ "${1:-}" == --update ]]; then update=1; shift; fi
if ! command -v go >/dev/null 2>&1; then
  echo "check-against-go: go is not installed (apt-get install golang-go); nothing checked"
  exit 0
fi
if (($#)); then files=("$@"); else mapfile -t files < <(find "$HERE/programs" -name '*.gop' | sort); fi

export GO111MODULE=off GOCACHE=${GOCACHE:-${TMPDIR:-/tmp}/gopl-gocache}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The program text without its expectation trailer (from the first `// Exit:`, `// Output:` or
# `// Error:` line of the final comment run), trailing empty lines removed.
body() {
  awk '{ lines[NR] = $0 } END {
    n = NR; while (n > 0 && lines[n] ~ /^[ \t]*$/) n--
    start = n + 1
    for (i = n; i > 0 && lines[i] ~ /^\/\//; i--)
      if (lines[i] ~ /^\/\/ (Exit: -?[0-9]+|Output:|Error:|Stderr:)[ \t]*$/) start = i
    n = start - 1; while (n > 0 && lines[n] ~ /^[ \t]*$/) n--
    for (i = 1; i <= n; i++) print lines[i] }' "$1"
}
# The lines of block $2 (Output:, Error: or Stderr:) of file $1, up to the next marker, comment
# prefix removed; exit status 1 if the block is absent.
block() {
  awk -v want="// $2" 'found && /^\/\/ (Exit: -?[0-9]+|Output:|Error:|Stderr:)[ \t]*$/ { exit }
    found { sub(/^\/\/ ?/, ""); print; next } $0 == want { found = 1 }
    END { exit !found }' "$1"
}
exit_line() { sed -n 's|^// Exit: \(-\{0,1\}[0-9]*\)[ \t]*$|\1|p' "$1" | tail -n1; }
# Trailing spaces of each line and leading/trailing empty lines ignored.
normalize() { sed -e 's/[ \t]*$//' | awk '{ l[NR] = $0 } END { s = 1; while (s <= NR && l[s] == "") s++
  e = NR; while (e >= s && l[e] == "") e--; for (i = s; i <= e; i++) print l[i] }'; }

pass=0 fail=0 failed=()
for f in "${files[@]}"; do
  name=$(basename "$f" .gop)
  rel=${f#"$HERE"/}
  dir="$work/$name.$pass.$fail"
  mkdir -p "$dir"
  body "$f" >"$dir/$name.go"
  if (cd "$dir" && go build -o prog "$name.go" >build.out 2>&1); then
    (cd "$dir" && timeout 60 ./prog >stdout 2>stderr </dev/null)
    code=$?
    if ((update)); then
      { body "$f"; echo; ((code)) && echo "// Exit: $code"
        if head -n1 "$dir/stderr" | grep -q '^panic: '; then echo "// Stderr:"; head -n1 "$dir/stderr" | sed 's|^|// |'; fi
        echo "// Output:"
        normalize <"$dir/stdout" | sed -e 's|^|// |' -e 's|^// $|//|'; } >"$dir/new" && cat "$dir/new" >"$f"
    fi
    want_code=$(exit_line "$f"); want_code=${want_code:-0}
    if block "$f" Error: >/dev/null; then
      why="compiles with go, but expects an error"
    elif ! block "$f" Output: >"$dir/want"; then
      why="has no // Output: block"
    elif ! diff <(normalize <"$dir/want") <(normalize <"$dir/stdout") >"$dir/diff"; then
      why="stdout differs from Go's (< expected, > go):"$'\n'"$(head -n 20 "$dir/diff")"
    elif [[ "$code" != "$want_code" ]]; then
      why="exit status $code under Go, expected $want_code"
    elif block "$f" Stderr: >"$dir/want-err" &&
        ! diff "$dir/want-err" <(head -n "$(wc -l <"$dir/want-err")" "$dir/stderr") >"$dir/diff"; then
      why="stderr does not start as expected (< expected, > go):"$'\n'"$(cat "$dir/diff")"
    else
      why=""
    fi
  else
    # a message may name another position of the same file (`label L already defined at ./NAME.go:7:1`)
    sed -n "/^\.\/$name\.go:/{s|\./$name\.go:|$name.gop:|g;p}" "$dir/build.out" >"$dir/got"
    if ((update)); then
      { body "$f"; echo; echo "// Error:"; sed 's|^|// |' "$dir/got"; } >"$dir/new" && cat "$dir/new" >"$f"
    fi
    if ! block "$f" Error: >"$dir/want"; then
      why="does not compile with go:"$'\n'"$(head -n 10 "$dir/build.out")"
    elif grep -q '^//gopl:error-wording-differs' "$f"; then
      why=""
    elif ! diff "$dir/want" "$dir/got" >"$dir/diff"; then
      why="errors differ from gc's (< expected, > gc):"$'\n'"$(cat "$dir/diff")"
    else
      why=""
    fi
  fi
  if [[ -z "$why" ]]; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1))
    failed+=("$rel")
    echo "FAIL $rel: $why"
  fi
done
echo "check-against-go ($(go version | cut -d' ' -f3)): ${#files[@]} programs"
((fail)) && printf '  failed: %s\n' "${failed[@]}"
echo "$pass passed, $fail failed"
((fail == 0))
