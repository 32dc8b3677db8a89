#!/usr/bin/env bash
# redis-vs-redis.sh: redis-in-gopl against redis-server 7 on the same machine, in the same run.
#
# Throughput: redis-benchmark -t set,get,incr,lpush,rpop,sadd,hset,zadd -n N -c 50 -q, with and
# without -P 16, against
#   gopl-msync   redis-in-gopl, heap file on disk, msync domain (durable per command)
#   gopl-pmem    redis-in-gopl, heap file on /dev/shm, pmem domain (libpmem flush + drain)
#   redis-none   redis-server, no persistence
#   redis-aof1s  redis-server, appendonly yes, appendfsync everysec
#   redis-aofall redis-server, appendonly yes, appendfsync always
# Each server gets one untimed warm-up pass (the JIT for gopl; equal treatment for Redis). The
# table prints requests/s; the ratios are the issue's goals: gopl-msync / redis-aofall (>= 2),
# gopl-pmem / redis-none (>= 1).
#
# Restart: KEYS keys (default 10^6) are loaded, the server stopped (kill -9 for gopl; SAVE then
# SHUTDOWN NOSAVE for the RDB; kill -9 with the AOF), and the time from process start to the first
# DBSIZE reply that sees every key is measured. Each timed start follows a `sync`, for every server
# alike: a page still dirty in the page cache (the load runs in the `none` domain) makes the heap's
# first msync (the boot epoch) wait for its writeback, 110-290 ms here, a cost of the benchmark's
# own loading rather than of the restart. gopl runs with a JDK 25 AOT cache (-XX:AOTCache)
# recorded by a training run of the server (class loading and linking skipped at start-up).
#
# Usage: bench/redis-vs-redis.sh [--quick] [-n REQUESTS] [-k KEYS]. Needs redis-server,
# redis-benchmark, redis-cli (Debian's redis-server/redis-tools) and a JDK >= 22. The machine may
# be shared: treat one run's ratios as indicative, repeat before trusting them.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=../scripts/jdk.sh
source "$ROOT/scripts/jdk.sh"
gopl_find_jdk || exit 2
JAVA="$JAVA_HOME/bin/java"

N=200000
KEYS=1000000
while [[ $# -gt 0 ]]; do
  case "$1" in
    --quick) N=20000; KEYS=100000 ;;
    -n) N=$2; shift ;;
    -k) KEYS=$2; shift ;;
    *) echo "usage: $0 [--quick] [-n REQUESTS] [-k KEYS]" >&2; exit 2 ;;
  esac
  shift
done
for t in redis-server redis-benchmark redis-cli; do
  command -v $t >/dev/null || { echo "$0: $t is needed (apt-get install redis-server)" >&2; exit 2; }
done

WORK=$(mktemp -d "$ROOT/bench/target-redis.XXXXXX")   # on the disk, not tmpfs
SHM=$(mktemp -d /dev/shm/redis-bench.XXXXXX)
PIDS=()
cleanup() {
  for p in "${PIDS[@]:-}"; do kill -9 "$p" 2>/dev/null || true; done
  rm -rf "$WORK" "$SHM"
}
trap cleanup EXIT

JAR="$WORK/redis-in-gopl.jar"
echo "building redis-in-gopl.jar ..." >&2
"$ROOT/gopl" build -o "$JAR" "$ROOT/redis-in-gopl" >&2

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

wait_ready() { # port
  for _ in $(seq 1 600); do
    redis-cli -p "$1" ping 2>/dev/null | grep -q PONG && return 0
    sleep 0.1
  done
  echo "server on port $1 did not start" >&2
  return 1
}

AOT="$WORK/redis-in-gopl.aot"
JOPTS=(--enable-native-access=ALL-UNNAMED)
# The program's class is started directly (-cp JAR CLASS, what the jar's entry class does on a
# JDK 22+ after reading its own manifest), so the start-up measured is the server's own.
MAIN=$(python3 -c 'import sys,zipfile; m=zipfile.ZipFile(sys.argv[1]).read("META-INF/MANIFEST.MF").decode(); print([l.split(":",1)[1].strip() for l in m.splitlines() if l.startswith("GoPL-Main-Class:")][0])' "$JAR")

start_gopl() { # port heap domain [extra jvm opts...]
  local port=$1 heap=$2 domain=$3
  shift 3
  "$JAVA" "${JOPTS[@]}" "$@" -cp "$JAR" "$MAIN" --port "$port" --heap "$heap" --domain "$domain" >"$WORK/gopl-$port.log" 2>&1 &
  PIDS+=($!)
  wait_ready "$port"
}

start_redis() { # port dir extra-args...
  local port=$1 dir=$2
  shift 2
  mkdir -p "$dir"
  redis-server --port "$port" --bind 127.0.0.1 --dir "$dir" --save "" "$@" >"$dir/log" 2>&1 &
  PIDS+=($!)
  wait_ready "$port"
}

stop_port() { redis-cli -p "$1" shutdown nosave >/dev/null 2>&1 || true; sleep 0.5; }

TESTS=set,get,incr,lpush,rpop,sadd,hset,zadd
declare -A RPS

bench_server() { # name port
  local name=$1 port=$2 p out
  redis-benchmark -p "$port" -t $TESTS -n $((N / 10)) -c 50 -q >/dev/null 2>&1 || true   # warm-up
  for p in 1 16; do
    out=$(redis-benchmark -p "$port" -t $TESTS -n "$N" -c 50 -P "$p" --csv 2>/dev/null)
    while IFS=, read -r test rps _; do
      test=${test//\"/}; rps=${rps//\"/}
      [[ $test == test || -z $test ]] && continue
      RPS["$name|$test|$p"]=$rps
    done <<<"$out"
  done
}

echo "throughput: redis-benchmark -n $N -c 50 (-P 1 and -P 16)" >&2
P=$(free_port); start_gopl "$P" "$WORK/msync.heap" msync; bench_server gopl-msync "$P"; stop_port "$P"
P=$(free_port); start_gopl "$P" "$SHM/pmem.heap" pmem; bench_server gopl-pmem "$P"; stop_port "$P"
P=$(free_port); start_redis "$P" "$WORK/r-none" --appendonly no; bench_server redis-none "$P"; stop_port "$P"
P=$(free_port); start_redis "$P" "$WORK/r-1s" --appendonly yes --appendfsync everysec; bench_server redis-aof1s "$P"; stop_port "$P"
P=$(free_port); start_redis "$P" "$WORK/r-all" --appendonly yes --appendfsync always; bench_server redis-aofall "$P"; stop_port "$P"

SERVERS=(gopl-msync gopl-pmem redis-none redis-aof1s redis-aofall)
for p in 1 16; do
  printf '\n-P %s (requests/s)\n%-8s' "$p" test
  for s in "${SERVERS[@]}"; do printf ' %13s' "$s"; done
  printf ' %14s %14s\n' msync/aofall pmem/none
  for t in SET GET INCR LPUSH RPOP SADD HSET ZADD; do
    printf '%-8s' "$t"
    for s in "${SERVERS[@]}"; do printf ' %13s' "${RPS["$s|$t|$p"]:--}"; done
    a=${RPS["gopl-msync|$t|$p"]:-0}; b=${RPS["redis-aofall|$t|$p"]:-0}
    c=${RPS["gopl-pmem|$t|$p"]:-0}; d=${RPS["redis-none|$t|$p"]:-0}
    printf ' %14s %14s\n' "$(awk -v a="$a" -v b="$b" 'BEGIN{if(b>0)printf "%.2f",a/b; else print "-"}')" \
      "$(awk -v a="$c" -v b="$d" 'BEGIN{if(b>0)printf "%.2f",a/b; else print "-"}')"
  done
done

# ---------------------------------------------------------------- restart time
load_keys() { # port
  awk -v n="$KEYS" 'BEGIN{for(i=0;i<n;i++){k="key:" i; v="value:" i; printf "*3\r\n$3\r\nSET\r\n$%d\r\n%s\r\n$%d\r\n%s\r\n", length(k), k, length(v), v}}' |
    redis-cli -p "$1" --pipe >/dev/null
}

# ms from now until DBSIZE on port reports KEYS (redis answers -LOADING meanwhile)
time_to_all_keys() { # port start_ns
  while true; do
    n=$(redis-cli -p "$1" dbsize 2>/dev/null || true)
    [[ $n == "$KEYS" ]] && break
    sleep 0.005
  done
  echo $((($(date +%s%N) - $2) / 1000000))
}

echo >&2
echo "restart with $KEYS keys" >&2
# gopl: train the AOT cache on a small run, load, kill -9, restart
P=$(free_port)
start_gopl "$P" "$WORK/train.heap" msync -XX:AOTCacheOutput="$AOT"
# the training covers what a restart runs before its first reply (accept, parse, DBSIZE under every
# shard lock) and the benchmarked commands
redis-benchmark -p "$P" -t $TESTS -n 20000 -c 10 -q >/dev/null 2>&1 || true
for _ in 1 2 3; do redis-cli -p "$P" dbsize >/dev/null; done
redis-cli -p "$P" shutdown >/dev/null 2>&1 || true
sleep 2
AOTOPT=()
[[ -s $AOT ]] && AOTOPT=(-XX:AOTCache="$AOT")
# load through the none domain (loading speed is not what is measured), stop cleanly, reopen in
# the msync domain and kill -9 it: the measured start recovers a heap that was killed
P=$(free_port); start_gopl "$P" "$WORK/restart.heap" none "${AOTOPT[@]}"; load_keys "$P"; stop_port "$P"
start_gopl "$P" "$WORK/restart.heap" msync "${AOTOPT[@]}"; kill -9 "${PIDS[-1]}"; sleep 0.5
sync; T0=$(date +%s%N); "$JAVA" "${JOPTS[@]}" "${AOTOPT[@]}" -cp "$JAR" "$MAIN" --port "$P" --heap "$WORK/restart.heap" --domain msync >"$WORK/restart.log" 2>&1 &
PIDS+=($!); GOPL_MS=$(time_to_all_keys "$P" "$T0"); stop_port "$P"
GOPL_REC=$(grep -o 'recovered in [0-9.]* ms' "$WORK/restart.log" || true)

# redis RDB
P=$(free_port); start_redis "$P" "$WORK/rdb" --appendonly no; load_keys "$P"; redis-cli -p "$P" save >/dev/null; stop_port "$P"
sync; T0=$(date +%s%N); redis-server --port "$P" --bind 127.0.0.1 --dir "$WORK/rdb" --appendonly no >"$WORK/rdb/log2" 2>&1 &
PIDS+=($!); RDB_MS=$(time_to_all_keys "$P" "$T0"); stop_port "$P"

# redis AOF
P=$(free_port); start_redis "$P" "$WORK/aof" --appendonly yes --appendfsync everysec; load_keys "$P"; sleep 1.5
kill -9 "${PIDS[-1]}"; sleep 0.5
sync; T0=$(date +%s%N); redis-server --port "$P" --bind 127.0.0.1 --dir "$WORK/aof" --save "" --appendonly yes >"$WORK/aof/log2" 2>&1 &
PIDS+=($!); AOF_MS=$(time_to_all_keys "$P" "$T0"); stop_port "$P"

printf '\nrestart to first reply seeing all %s keys (ms)\n' "$KEYS"
printf '%-28s %8s\n' "gopl (kill -9, AOT cache)" "$GOPL_MS" "redis RDB load" "$RDB_MS" "redis AOF load (kill -9)" "$AOF_MS"
printf 'gopl heap %s; ratios: AOF/gopl %s, RDB/gopl %s\n' "$GOPL_REC" \
  "$(awk -v a="$AOF_MS" -v b="$GOPL_MS" 'BEGIN{printf "%.1f",a/b}')" "$(awk -v a="$RDB_MS" -v b="$GOPL_MS" 'BEGIN{printf "%.1f",a/b}')"
