#!/usr/bin/env bash
# test.sh: runs every GoPL test on a fresh machine (README.md; .ci/run runs exactly this).
#
# 1. Installs what the tests need when it is missing, with apt-get (as root, or through sudo):
#    golang-1.19-src (the parser's real-Go corpus test), libpmem1 (persistent heap tests),
#    tmux (the scripted terminal test of `gopl repl`, tests/repl/tmux-repl.sh), redis-server and
#    redis-tools (the reference Redis 7 and redis-cli/redis-benchmark that redis-in-gopl is tested
#    against), maven (if `mvn` is missing). `apt-get update` runs first only when something is installed.
# 2. Finds a JDK >= 22 like the `gopl` launcher does (scripts/jdk.sh).
# 3. When Go is installed, re-checks every conformance program's expectations against real Go
#    (tests/check-against-go.sh; about half a minute), so a wrong expectation cannot hide.
# 4. Runs `mvn -B verify` on the whole reactor. Extra arguments go to Maven (e.g. -o, -pl tests -am).
set -euo pipefail

ROOT=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)
cd "$ROOT"

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for pkg in golang-1.19-src libpmem1 tmux redis-server redis-tools; do
    installed "$pkg" || missing+=("$pkg")
  done
  command -v mvn >/dev/null 2>&1 || missing+=(maven)
fi
if ((${#missing[@]})); then
  sudo=()
  if [[ $(id -u) != 0 ]]; then
    if command -v sudo >/dev/null 2>&1; then
      sudo=(sudo -n)
    else
      echo "test.sh: need root to install: ${missing[*]} (run: apt-get install ${missing[*]})" >&2
      exit 1
    fi
  fi
  echo "test.sh: installing ${missing[*]}" >&2
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# shellcheck source=scripts/jdk.sh
source "$ROOT/scripts/jdk.sh"
gopl_find_jdk || exit 1
echo "test.sh: JDK $JAVA_HOME" >&2

if command -v go >/dev/null 2>&1; then
  if ! out=$(tests/check-against-go.sh 2>&1); then
    echo "$out"
    echo "test.sh: conformance expectations differ from what Go 1.19 does" >&2
    exit 1
  fi
  echo "$out" | tail -n 2
fi

exec mvn -B -ntp verify "$@"
