# shellcheck shell=bash
# Finds a JDK >= 22 (DESIGN.md §1) for every entry point: the `gopl` launcher, test.sh, .ci/run.
# Source this file, then call `gopl_find_jdk`: on success it exports JAVA_HOME and prints nothing;
# on failure it prints what to install on stderr and returns 1.
# Order: $JAVA_HOME if it is a JDK >= 22; else the newest JDK >= 22 under /usr/lib/jvm
# (GOPL_JVM_DIR overrides that directory, for tests of this script).

GOPL_MIN_JDK=22

# Prints the feature version (e.g. 25) of the JDK at $1, or nothing if $1 is not a JDK.
gopl_jdk_version() {
  local home=$1 v=""
  [[ -x "$home/bin/java" && -x "$home/bin/javac" ]] || return 0
  if [[ -r "$home/release" ]]; then
    v=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$home/release")
  fi
  if [[ -z "$v" ]]; then
    v=$("$home/bin/java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n1)
  fi
  v=${v#1.}   # 1.8.0 -> 8.0
  v=${v%%[.+-]*}
  [[ "$v" =~ ^[0-9]+$ ]] && echo "$v"
  return 0
}

gopl_find_jdk() {
  local v
  if [[ -n "${JAVA_HOME:-}" ]]; then
    v=$(gopl_jdk_version "$JAVA_HOME")
    if [[ -n "$v" && "$v" -ge $GOPL_MIN_JDK ]]; then
      export JAVA_HOME
      return 0
    fi
  fi
  local dir=${GOPL_JVM_DIR:-/usr/lib/jvm} best="" bestv=0 home
  for home in "$dir"/*/; do
    home=${home%/}
    [[ -d "$home" ]] || continue
    v=$(gopl_jdk_version "$home")
    if [[ -n "$v" && "$v" -ge $GOPL_MIN_JDK && "$v" -gt $bestv ]]; then
      best=$home
      bestv=$v
    fi
  done
  if [[ -n "$best" ]]; then
    export JAVA_HOME=$best
    return 0
  fi
  {
    echo "gopl: no JDK ${GOPL_MIN_JDK} or newer found"
    if [[ -n "${JAVA_HOME:-}" ]]; then
      echo "  JAVA_HOME=$JAVA_HOME is not a JDK >= ${GOPL_MIN_JDK}"
    fi
    echo "  looked in: ${JAVA_HOME:+\$JAVA_HOME, }$dir"
    echo "  install one, e.g. 'apt-get install openjdk-25-jdk' (or Temurin 25), or set JAVA_HOME to it"
  } >&2
  return 1
}
