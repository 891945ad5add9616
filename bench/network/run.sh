#!/usr/bin/env bash
# Throughput and added latency of an stunnel PSK tunnel (server + client sections in network-service's rendered
# off.conf format, real Debian stunnel4) versus a direct loopback connection to the same target services.
# Usage: bench/network/run.sh [MiB=512] [round-trips=5000]   (needs stunnel4, socat, python3; no root needed)
set -euo pipefail
missing=()
for tool in stunnel4:stunnel4 socat:socat python3:python3 openssl:openssl; do
    command -v "${tool%%:*}" >/dev/null 2>&1 || missing+=("${tool#*:}")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "bench/network/run.sh needs: ${missing[*]} (not found on PATH)." >&2
    echo "On Debian/Ubuntu: sudo apt-get install ${missing[*]}" >&2
    exit 2
fi
MIB=${1:-512}
ROUNDS=${2:-5000}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

A=127.0.0.1; SINK=47101; ECHO=47102; SRV_SINK=47201; SRV_ECHO=47202; CLI_SINK=47301; CLI_ECHO=47302
socat -b 262144 TCP-LISTEN:$SINK,bind=$A,reuseaddr,fork OPEN:/dev/null & pids+=($!)
socat TCP-LISTEN:$ECHO,bind=$A,reuseaddr,fork,nodelay EXEC:cat & pids+=($!)
printf 'bench-%s:%s\n' "$(openssl rand -hex 8)" "$(openssl rand -hex 32)" > "$work/bench-psk.txt"
chmod 600 "$work/bench-psk.txt"

section() { # name client(yes|no) accept connect
    printf '\n[%s]\nclient = %s\naccept = %s\nconnect = %s\nciphers = PSK\nPSKsecrets = %s\n' "$1" "$2" "$3" "$4" "$work/bench-psk.txt"
}
for side in server client; do
    { printf 'foreground = yes\npid = %s\noutput = %s\ndebug = notice\n' "$work/$side.pid" "$work/$side.log"
      if [ $side = server ]; then section sink no $A:$SRV_SINK $A:$SINK; section echo no $A:$SRV_ECHO $A:$ECHO
      else section sink yes $A:$CLI_SINK $A:$SRV_SINK; section echo yes $A:$CLI_ECHO $A:$SRV_ECHO; fi
    } > "$work/$side.conf"
    stunnel4 "$work/$side.conf" 2>>"$work/$side.err" & pids+=($!)
done
for port in $SINK $ECHO $SRV_SINK $SRV_ECHO $CLI_SINK $CLI_ECHO; do
    for _ in $(seq 100); do (exec 3<>/dev/tcp/$A/$port) 2>/dev/null && break; sleep 0.05; done
done
echo "stunnel $(stunnel4 -version 2>&1 | awk '/^stunnel/{print $2; exit}'), $(nproc) cores, $MIB MiB stream, $ROUNDS round trips of 64 B"
python3 "$here/measure.py" direct $A $SINK $ECHO "$MIB" "$ROUNDS"
python3 "$here/measure.py" tunnel $A $CLI_SINK $CLI_ECHO "$MIB" "$ROUNDS"
