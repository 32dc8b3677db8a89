#!/usr/bin/env bash
# tests/repl/tmux-repl.sh: types into `gopl repl` running in a real terminal (a tmux pane) and
# reads the screen back: values, the secondary prompt, tab completion, highlighting, Ctrl-C on an
# endless loop, Ctrl-D, and the history file; both sessions run with --heap on one heap file, and
# a named root the first one makes is found with its value by the second.
#
# usage: tests/repl/tmux-repl.sh [COMMAND...]   (default: ./gopl repl from the repository root)
# Exit status 0 when every step showed what it should; 1 with the screen printed otherwise;
# 77 when tmux is not installed (test.sh installs it). HOME is a fresh temporary directory, so the
# user's ~/.gopl_history is never touched.
set -euo pipefail

ROOT=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)
if (($# == 0)); then set -- "$ROOT/gopl" repl; fi
command -v tmux >/dev/null 2>&1 || { echo "tmux-repl.sh: tmux is not installed" >&2; exit 77; }

SOCK="gopl-repl-test-$$"
HOME_DIR=$(mktemp -d)
cleanup() { tmux -L "$SOCK" kill-server 2>/dev/null || true; rm -rf "$HOME_DIR"; }
trap cleanup EXIT

cmd=$(printf '%q ' "$@" --heap "$HOME_DIR/repl.heap")
start() {
  tmux -L "$SOCK" kill-session -t repl 2>/dev/null || true
  tmux -L "$SOCK" -f /dev/null new-session -d -s repl -x 150 -y 45 "env HOME=$HOME_DIR TERM=xterm-256color $cmd"
  tmux -L "$SOCK" set-option -t repl remain-on-exit on >/dev/null
}
start

screen() { tmux -L "$SOCK" capture-pane -p -t repl -S -200; }
send() { tmux -L "$SOCK" send-keys -t repl "$@"; }
type_line() { send -l "$1"; send Enter; }
fail() { echo "tmux-repl.sh: FAIL: $1" >&2; echo "---- screen ----" >&2; screen >&2; exit 1; }
wait_for() {
  for _ in $(seq 1 600); do
    if screen | grep -qF -- "$1"; then return 0; fi
    sleep 0.1
  done
  fail "the screen never showed: $1"
}

wait_for 'gopl>'
type_line 'x := 3'
type_line 'x*2'
wait_for '6 (int)'

type_line 'func sq(n int) int {'
wait_for '....>'
type_line 'return n * n'
type_line '}'
type_line 'sq(x)'
wait_for '9 (int)'

send -l 'strings.ToUp'
send Tab
send -l '("tmux")'
send Enter
wait_for 'TMUX (string)'

# colours: keywords are highlighted while typed (escape sequences in the pane)
send -l 'for i := 0; i < 1; i++ {}'
coloured=0
for _ in $(seq 1 600); do
  if tmux -L "$SOCK" capture-pane -e -p -t repl | grep -F 'i++' | grep -q $'\e\[[0-9;]*m''for'; then coloured=1; break; fi
  sleep 0.1
done
((coloured)) || fail "the keyword is not coloured in the typed line"
send Enter
type_line '"after" + " the loop"'
wait_for 'after the loop (string)'

# Ctrl-C once the endless loop runs (it says so): in the terminal's cooked mode a Ctrl-C typed
# earlier would also discard the typed-ahead input
type_line 'for i := 0; ; i++ { if i == 0 { fmt.Println("loop" + "ing") } }'
wait_for 'looping'
send C-c
wait_for 'interrupted'
type_line 'x + 100'
wait_for '103 (int)'

type_line 'type Counter struct { n int }'
type_line 'c := (*Counter)(pmem.New("counter", (*Counter)(nil)))'
type_line 'txn() { c.n = 40 }'
type_line 'c.n + 1'
wait_for '41 (int)'

exit_repl() {
  send C-d
  for _ in $(seq 1 300); do
    [[ $(tmux -L "$SOCK" display-message -p -t repl '#{pane_dead}') == 1 ]] && break
    sleep 0.1
  done
  [[ $(tmux -L "$SOCK" display-message -p -t repl '#{pane_dead}') == 1 ]] || fail "Ctrl-D did not end the REPL"
}
exit_repl
grep -qF 'sq(x)' "$HOME_DIR/.gopl_history" || fail "history file lacks the inputs"

# a second session on the same heap file finds the root with its value
start
wait_for 'persistent heap'
type_line 'type Counter struct { n int }'
type_line '(*Counter)(pmem.Get("counter", (*Counter)(nil))).n + 2'
wait_for '42 (int)'
type_line ':heap'
wait_for 'counter *main.Counter'
exit_repl
echo "tmux-repl.sh: ok"
