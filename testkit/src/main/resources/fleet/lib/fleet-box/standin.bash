# Sourced by the fleet-in-a-box stand-ins (systemctl, pct, and any other that wants it).
#
#   /var/lib/offops-fleet/host.env   facts about this host, written by FleetBox (OFFOPS_FLEET_*)
#   /var/log/offops-standins.log     one line per stand-in call, in call order:
#                                    "<UTC time with microseconds> <program> <arguments, shell-quoted>"
#
# Set OFFOPS_STANDIN_NOLOG=1 to leave a call out of the log (FleetBox does so when it boots a host's units).

OFFOPS_FLEET_FACTS=/var/lib/offops-fleet/host.env
if [ -r "$OFFOPS_FLEET_FACTS" ]; then
    # shellcheck disable=SC1090
    . "$OFFOPS_FLEET_FACTS"
fi

TZ=UTC
export TZ

# standin_log <program> <args...>
standin_log() {
    [ "${OFFOPS_STANDIN_NOLOG:-}" = 1 ] && return 0
    local now=${EPOCHREALTIME:-} line stamp
    printf -v stamp '%(%Y-%m-%dT%H:%M:%S)T' "${now%[.,]*}"
    line="$stamp.${now#*[.,]}Z $1"
    shift
    local arg quoted
    for arg in "$@"; do
        printf -v quoted '%q' "$arg"
        line+=" $quoted"
    done
    printf '%s\n' "$line" >> /var/log/offops-standins.log 2>/dev/null || true
}

# alive <pid>: the process exists and is not a zombie
alive() {
    local stat
    { read -r stat < "/proc/$1/stat"; } 2>/dev/null || return 1
    stat=${stat##*) }
    [ "${stat%% *}" != Z ]
}
