#!/usr/bin/env bash
# Creates or updates every Kafka topic listed in topics.conf (format: see that file).
#
#   create-topics.sh [--dry-run] [--bootstrap-server HOST:PORT] [--kafka-home DIR]
#                    [--topics-conf FILE] [--command-config FILE]
#
# Environment (options win over it):
#   BOOTSTRAP       broker list, default localhost:9092
#   KAFKA_HOME      Kafka installation with bin/kafka-topics.sh, default /opt/kafka
#   TOPICS_CONF     topic list, default topics.conf next to this script
#   COMMAND_CONFIG  optional client properties (TLS/SASL) passed to the Kafka CLI
#
# For each topic it runs, in order:
#   kafka-topics.sh  --create --if-not-exists ... --partitions N --config retention.ms=... --config cleanup.policy=...
#   kafka-configs.sh --alter --entity-type topics ... --add-config retention.ms=...,cleanup.policy=...
# so new topics are created and existing ones get the retention and cleanup policy of
# topics.conf. Partition counts of existing topics are only checked, never changed:
# adding partitions remaps keys and breaks per-key ordering, so that stays a human decision.
# --dry-run validates topics.conf and prints the commands without running them.
# Safe to run again at any time. Exit status: 0 ok, 2 bad usage or topics.conf,
# otherwise that of the first Kafka command that failed.
set -euo pipefail

script_dir=$(cd "$(dirname "$0")" && pwd)
BOOTSTRAP=${BOOTSTRAP:-localhost:9092}
KAFKA_HOME=${KAFKA_HOME:-/opt/kafka}
TOPICS_CONF=${TOPICS_CONF:-$script_dir/topics.conf}
COMMAND_CONFIG=${COMMAND_CONFIG:-}
dry_run=false

usage() {
  sed -n '2,22s/^# \{0,1\}//p' "$0"
}

die() {
  printf 'create-topics: %s\n' "$*" >&2
  exit 2
}

need_value() {
  if [ "$#" -lt 2 ] || [ -z "$2" ]; then
    die "option $1 needs a value (see --help)"
  fi
}

while [ "$#" -gt 0 ]; do
  case "$1" in
    --dry-run) dry_run=true; shift ;;
    --bootstrap-server) need_value "$@"; BOOTSTRAP=$2; shift 2 ;;
    --bootstrap-server=*) BOOTSTRAP=${1#*=}; shift ;;
    --kafka-home) need_value "$@"; KAFKA_HOME=$2; shift 2 ;;
    --kafka-home=*) KAFKA_HOME=${1#*=}; shift ;;
    --topics-conf) need_value "$@"; TOPICS_CONF=$2; shift 2 ;;
    --topics-conf=*) TOPICS_CONF=${1#*=}; shift ;;
    --command-config) need_value "$@"; COMMAND_CONFIG=$2; shift 2 ;;
    --command-config=*) COMMAND_CONFIG=${1#*=}; shift ;;
    -h|--help) usage; exit 0 ;;
    *) die "unknown argument: $1 (see --help)" ;;
  esac
done

[ -n "$BOOTSTRAP" ] || die "BOOTSTRAP is empty"
[ -r "$TOPICS_CONF" ] || die "cannot read topics file: $TOPICS_CONF"

# ---- parse and validate topics.conf (all of it, before touching Kafka) ----------------
names=()
partitions=()
retentions=()
policies=()
lineno=0
while IFS= read -r line || [ -n "$line" ]; do
  lineno=$((lineno + 1))
  where="$TOPICS_CONF:$lineno"
  case "$line" in *$'\r'*) die "$where: carriage return (CRLF line endings are not allowed)" ;; esac
  trimmed=${line#"${line%%[![:space:]]*}"}
  case "$trimmed" in '' | '#'*) continue ;; esac
  case "$line" in *'#'*) die "$where: '#' is only allowed at the start of a comment line" ;; esac

  read -r -a fields <<<"$line"
  if [ "${#fields[@]}" -ne 3 ] && [ "${#fields[@]}" -ne 4 ]; then
    die "$where: expected '<name> <partitions> <retention.ms> [cleanup.policy]', got ${#fields[@]} fields"
  fi
  name=${fields[0]}
  count=${fields[1]}
  retention=${fields[2]}
  policy=${fields[3]:-delete}

  [[ $name =~ ^[A-Za-z0-9._-]{1,249}$ ]] || die "$where: invalid topic name '$name'"
  [[ $count =~ ^[1-9][0-9]{0,5}$ ]] || die "$where: partitions must be an integer >= 1, got '$count'"
  [[ $retention =~ ^(-1|[1-9][0-9]{0,18})$ ]] || die "$where: retention.ms must be -1 or an integer >= 1, got '$retention'"
  case "$policy" in
    delete | compact | compact,delete) ;;
    *) die "$where: cleanup.policy must be delete, compact or compact,delete, got '$policy'" ;;
  esac
  for existing in ${names[@]+"${names[@]}"}; do
    [ "$existing" != "$name" ] || die "$where: topic '$name' is listed twice"
  done

  names+=("$name")
  partitions+=("$count")
  retentions+=("$retention")
  policies+=("$policy")
done <"$TOPICS_CONF"

[ "${#names[@]}" -gt 0 ] || die "$TOPICS_CONF lists no topics"

for name in "${names[@]}"; do
  case "$name" in *.dlq) continue ;; esac
  found=false
  for other in "${names[@]}"; do
    if [ "$other" = "$name.dlq" ]; then found=true; fi
  done
  $found || die "$TOPICS_CONF: topic '$name' has no dead-letter topic '$name.dlq'"
done

# ---- create / update ---------------------------------------------------------------
topics_sh=$KAFKA_HOME/bin/kafka-topics.sh
configs_sh=$KAFKA_HOME/bin/kafka-configs.sh
if ! $dry_run; then
  for tool in "$topics_sh" "$configs_sh"; do
    [ -x "$tool" ] || die "not found or not executable: $tool (set KAFKA_HOME or --kafka-home)"
  done
fi

client_args=(--bootstrap-server "$BOOTSTRAP")
if [ -n "$COMMAND_CONFIG" ]; then
  client_args+=(--command-config "$COMMAND_CONFIG")
fi

# Quotes one word for a shell only when it needs it, for readable dry-run output.
shell_quote() {
  case "$1" in
    '' | *[!A-Za-z0-9_./:=,@+%-]*) printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")" ;;
    *) printf '%s' "$1" ;;
  esac
}

# Prints the command on a dry run (one line, copy-pasteable), runs it otherwise.
run() {
  if $dry_run; then
    local line='' word
    for word in "$@"; do
      line="$line${line:+ }$(shell_quote "$word")"
    done
    printf '%s\n' "$line"
  else
    "$@"
  fi
}

for i in "${!names[@]}"; do
  name=${names[$i]}
  count=${partitions[$i]}
  retention=${retentions[$i]}
  policy=${policies[$i]}

  run "$topics_sh" "${client_args[@]}" --create --if-not-exists --topic "$name" \
    --partitions "$count" --config "retention.ms=$retention" --config "cleanup.policy=$policy"

  # --add-config separates entries by commas, so a list value needs brackets.
  policy_value=$policy
  case "$policy" in *,*) policy_value="[$policy]" ;; esac
  run "$configs_sh" "${client_args[@]}" --alter --entity-type topics --entity-name "$name" \
    --add-config "retention.ms=$retention,cleanup.policy=$policy_value"

  if ! $dry_run; then
    described=$("$topics_sh" "${client_args[@]}" --describe --topic "$name")
    actual=$(printf '%s\n' "$described" | sed -n 's/.*PartitionCount:[[:space:]]*\([0-9][0-9]*\).*/\1/p')
    actual=${actual%%$'\n'*}
    if [ -z "$actual" ]; then
      printf 'create-topics: WARNING: could not read the partition count of %s\n' "$name" >&2
    elif [ "$actual" -ne "$count" ]; then
      printf 'create-topics: WARNING: %s has %s partitions, topics.conf says %s; not changed (see topics.conf)\n' \
        "$name" "$actual" "$count" >&2
    fi
    printf 'create-topics: %s ok (partitions=%s retention.ms=%s cleanup.policy=%s)\n' \
      "$name" "${actual:-?}" "$retention" "$policy"
  fi
done
