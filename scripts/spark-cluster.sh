#!/usr/bin/env bash
# A Spark standalone cluster on this machine: one master and two workers, each its own JVM on 127.0.0.1, run
# from the spark-core classes the audiU build resolves (no downloaded Spark distribution). Workers launch their
# executors from audiu-spark/target/spark-home, which the build lays out as a distribution has it (jars/ and a
# RELEASE file: Spark's jars without audiU's, so executors get audiU only from the job jar).
#
# Usage: scripts/spark-cluster.sh start|stop|status
#   start   starts the master, then the workers; prints the master URL (spark://127.0.0.1:PORT) last
#   stop    stops the processes this script started (the PIDs in its PID file, and their executors), only those
#   status  shows each recorded process and the workers the master sees
# Settings (environment):
#   AUDIU_SPARK_CLUSTER_DIR     state folder: PID file, logs, work dirs (default: audiu-spark/target/spark-cluster)
#   AUDIU_SPARK_MASTER_PORT     master RPC port (default: a free one); AUDIU_SPARK_MASTER_WEBUI_PORT likewise
#   AUDIU_SPARK_WORKERS         workers (default 2); AUDIU_SPARK_WORKER_CORES (1); AUDIU_SPARK_WORKER_MEMORY (1g)
#   AUDIU_SPARK_DAEMON_MEMORY   heap of the master and worker JVMs (default 256m)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TARGET="$ROOT/audiu-spark/target"
SPARK_HOME_DIR="$TARGET/spark-home"
STATE="${AUDIU_SPARK_CLUSTER_DIR:-$TARGET/spark-cluster}"
PIDS="$STATE/cluster.pids"
ENV_FILE="$STATE/cluster.env"
WORKERS="${AUDIU_SPARK_WORKERS:-2}"
WORKER_CORES="${AUDIU_SPARK_WORKER_CORES:-1}"
WORKER_MEMORY="${AUDIU_SPARK_WORKER_MEMORY:-1g}"
DAEMON_MEMORY="${AUDIU_SPARK_DAEMON_MEMORY:-256m}"
START_TIMEOUT_S="${AUDIU_SPARK_START_TIMEOUT_S:-90}"

say() { echo "spark-cluster: $*" >&2; }
fail() { say "$*"; exit 1; }

# A process is ours when it is alive and its command line still names the class we started with our state folder
# (a PID the system reused for something else is never signalled).
ours() { # PID CLASS
  [ -r "/proc/$1/cmdline" ] && tr '\0' ' ' <"/proc/$1/cmdline" | grep -q -- "$2" &&
    tr '\0' ' ' <"/proc/$1/cmdline" | grep -q -- "-Daudiu.spark.cluster=$STATE"
}

class_of() {
  case "$1" in
    master) echo org.apache.spark.deploy.master.Master ;;
    *) echo org.apache.spark.deploy.worker.Worker ;;
  esac
}

# Executors are the workers' children; they run in a work folder under our state folder.
our_executors() {
  local p
  for p in $(pgrep -f org.apache.spark.executor.CoarseGrainedExecutorBackend || true); do
    case "$(readlink "/proc/$p/cwd" 2>/dev/null || true)" in
      "$STATE"/*) echo "$p" ;;
    esac
  done
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

free_port() {
  local p tries=0
  while [ $tries -lt 200 ]; do
    p=$((20000 + RANDOM % 40000))
    if ! port_in_use "$p"; then echo "$p"; return 0; fi
    tries=$((tries + 1))
  done
  fail "no free TCP port found on 127.0.0.1 (200 tried between 20000 and 60000)"
}

ensure_spark_home() {
  if [ ! -f "$SPARK_HOME_DIR/RELEASE" ] || [ -z "$(ls "$SPARK_HOME_DIR/jars" 2>/dev/null)" ] ||
      [ ! -f "$TARGET/spark-jvm.options" ]; then
    say "building audiu-spark (its target/spark-home is missing)..."
    (cd "$ROOT" && mvn -B -ntp -q package -DskipTests -pl audiu-spark -am) >&2 ||
      fail "the build failed; run 'mvn -B -ntp package -DskipTests -pl audiu-spark -am' to see why"
  fi
}

# The JVM of a daemon: bounded heap, Spark's Java 17 opens, Spark's jars, loopback only, no port retries (a busy
# port is an error, not a silent move to the next one).
daemon() { # NAME LOG ARGS...
  local name="$1" log="$2"; shift 2
  # SPARK_SCALA_VERSION: what a distribution's bin/load-spark-env.sh sets; the worker's executor command builder needs it.
  SPARK_HOME="$SPARK_HOME_DIR" SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1 SPARK_LOCAL_DIRS="$STATE/local" \
    SPARK_WORKER_DIR="$STATE/$name" SPARK_LOG_DIR="$STATE/logs" \
    nohup java "-Xmx$DAEMON_MEMORY" "@$TARGET/spark-jvm.options" "-Daudiu.spark.cluster=$STATE" \
    -Dspark.port.maxRetries=0 -Dspark.ui.showConsoleProgress=false -Dorg.slf4j.simpleLogger.defaultLogLevel=info \
    -cp "$SPARK_HOME_DIR/jars/*" "$@" >"$log" 2>&1 </dev/null &
  echo "$name $!" >>"$PIDS"
}

bind_error() { # LOG
  grep -m1 -E "BindException|Address already in use|Failed to bind|Service '.*' could not bind" "$1" 2>/dev/null || true
}

check_alive() { # NAME PID LOG PORTS
  if ! kill -0 "$2" 2>/dev/null; then
    local why
    why="$(bind_error "$3")"
    if [ -n "$why" ]; then
      fail "$1 could not bind its port on 127.0.0.1 ($4): $why. Another program holds it: free it, or set" \
        "AUDIU_SPARK_MASTER_PORT / AUDIU_SPARK_MASTER_WEBUI_PORT to free ports (log: $3)"
    fi
    fail "$1 (PID $2) exited during start; its log $3 ends with: $(tail -n 5 "$3" | tr '\n' ' ')"
  fi
}

alive_workers() { # WEBUI_PORT
  curl -sf "http://127.0.0.1:$1/json/" 2>/dev/null | grep -o '"state" *: *"ALIVE"' | wc -l || true
}

stop() {
  [ -f "$PIDS" ] || { say "nothing to stop (no $PIDS)"; return 0; }
  local name pid left=()
  while read -r name pid; do
    [ -n "$pid" ] || continue
    if ours "$pid" "$(class_of "$name")"; then
      kill -TERM "$pid" 2>/dev/null || true
      left+=("$pid")
      say "stopping $name (PID $pid)"
    fi
  done <"$PIDS"
  local waited=0
  for pid in ${left[@]+"${left[@]}"}; do
    while kill -0 "$pid" 2>/dev/null && [ $waited -lt 100 ]; do sleep 0.1; waited=$((waited + 1)); done
    kill -0 "$pid" 2>/dev/null && { say "PID $pid did not stop in 10 s: killing it"; kill -KILL "$pid" 2>/dev/null || true; }
  done
  for pid in $(our_executors); do
    say "stopping the executor PID $pid left by a worker"
    kill -KILL "$pid" 2>/dev/null || true
  done
  rm -f "$PIDS"
  say "stopped"
}

status() {
  [ -f "$PIDS" ] || { say "not running (no $PIDS)"; return 3; }
  local name pid running=0
  while read -r name pid; do
    if ours "$pid" "$(class_of "$name")"; then echo "$name PID $pid running"; running=$((running + 1));
    else echo "$name PID $pid not running"; fi
  done <"$PIDS"
  # shellcheck disable=SC1090
  . "$ENV_FILE" 2>/dev/null || true
  [ -n "${MASTER_URL:-}" ] && echo "master $MASTER_URL, web UI $MASTER_WEBUI, workers alive: $(alive_workers "$MASTER_WEBUI_PORT")"
  for pid in $(our_executors); do echo "executor PID $pid running"; done
  [ "$running" -gt 0 ] || return 3
}

start() {
  if [ -f "$PIDS" ]; then
    while read -r name pid; do
      ours "$pid" "$(class_of "$name")" && fail "already running ($name PID $pid, see $PIDS): run '$0 stop' first"
    done <"$PIDS"
    rm -f "$PIDS"
  fi
  command -v java >/dev/null || fail "java (17+) is not on the PATH"
  command -v curl >/dev/null || fail "curl is needed to ask the master for its workers"
  ensure_spark_home
  mkdir -p "$STATE/logs" "$STATE/local"
  local port="${AUDIU_SPARK_MASTER_PORT:-$(free_port)}" webui="${AUDIU_SPARK_MASTER_WEBUI_PORT:-$(free_port)}"
  [ "$port" != "$webui" ] || webui="$(free_port)"
  local name
  for name in "RPC port $port" "web UI port $webui"; do
    port_in_use "${name##* }" && fail "the master's $name on 127.0.0.1 is in use by another program: choose another" \
      "(AUDIU_SPARK_MASTER_PORT, AUDIU_SPARK_MASTER_WEBUI_PORT) or leave them unset for free ones"
  done
  : >"$PIDS"
  local url="spark://127.0.0.1:$port"
  daemon master "$STATE/logs/master.log" org.apache.spark.deploy.master.Master \
    --host 127.0.0.1 --port "$port" --webui-port "$webui"
  local master_pid
  master_pid="$(awk '$1 == "master" {print $2}' "$PIDS")"
  local deadline=$((SECONDS + START_TIMEOUT_S))
  until curl -sf "http://127.0.0.1:$webui/json/" >/dev/null 2>&1; do
    check_alive master "$master_pid" "$STATE/logs/master.log" "ports $port, $webui"
    [ $SECONDS -lt $deadline ] || { stop; fail "the master did not answer on port $webui in $START_TIMEOUT_S s"; }
    sleep 0.3
  done
  say "master $url up (PID $master_pid, web UI http://127.0.0.1:$webui)"
  local i
  for i in $(seq 1 "$WORKERS"); do
    mkdir -p "$STATE/worker-$i"
    daemon "worker-$i" "$STATE/logs/worker-$i.log" org.apache.spark.deploy.worker.Worker \
      --host 127.0.0.1 --port 0 --webui-port 0 --cores "$WORKER_CORES" --memory "$WORKER_MEMORY" \
      --work-dir "$STATE/worker-$i" "$url"
  done
  until [ "$(alive_workers "$webui")" -ge "$WORKERS" ]; do
    while read -r name pid; do
      check_alive "$name" "$pid" "$STATE/logs/$name.log" "a random port"
    done <"$PIDS"
    [ $SECONDS -lt $deadline ] || { stop; fail "the workers did not register with the master in $START_TIMEOUT_S s"; }
    sleep 0.3
  done
  cat >"$ENV_FILE" <<EOF
MASTER_URL=$url
MASTER_WEBUI=http://127.0.0.1:$webui
MASTER_WEBUI_PORT=$webui
SPARK_HOME=$SPARK_HOME_DIR
PID_FILE=$PIDS
EOF
  while read -r name pid; do say "$name PID $pid"; done <"$PIDS"
  say "$WORKERS workers alive ($WORKER_CORES core(s), $WORKER_MEMORY each); stop with: $0 stop"
  echo "$url"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status (see the comment at the top for settings)" >&2; exit 2 ;;
esac
