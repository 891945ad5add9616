package org.offops.network.exec;

/** Constant sh/bash scripts run on hosts; data only as positional parameters. */
final class StunnelScripts {

    /** $1 owner of the PSK directory and the log directory (stunnel re-reads/reopens them after dropping root). */
    static final String PREPARE = """
            set -eu
            mkdir -p /etc/stunnel/psk /var/log/stunnel4
            chown -- "$1" /etc/stunnel/psk /var/log/stunnel4
            chmod 0700 /etc/stunnel/psk
            """;

    /**
     * $1 candidate config (its check variant: no pid file, log on stderr). stunnel has no config test option: a
     * throwaway stunnel parses it (PSK files included) and says "Configuration successful" or exits with
     * "Configuration failed"; the throwaway is stopped either way and the candidate removed.
     */
    static final String CHECK = """
            set -u
            log=$(mktemp)
            stunnel4 "$1" >"$log" 2>&1 &
            pid=$!
            i=0
            status=1
            while [ $i -lt 200 ]; do
                if grep -q 'Configuration successful' "$log"; then status=0; break; fi
                kill -0 "$pid" 2>/dev/null || break
                sleep 0.05
                i=$((i + 1))
            done
            kill "$pid" 2>/dev/null
            wait "$pid" 2>/dev/null
            if [ "$status" -ne 0 ]; then
                grep -E '^\\[!\\]' "$log" | grep -v 'Configuration failed' | sed "s|$1|off.conf|" >&2 || tail -n 3 "$log" >&2
                echo "stunnel refused the candidate off.conf" >&2
            fi
            rm -f -- "$log" "$1"
            exit "$status"
            """;

    /**
     * $1 unit, $2 stunnel's log: reload a running instance (SIGHUP), start one that is not, then wait for stunnel to
     * log that it loaded the configuration (SIGHUP returns before stunnel has re-read its files).
     */
    static final String RELOAD = """
            set -u
            unit=$1; log=$2
            loaded() { n=$(grep -c 'Configuration successful' "$log" 2>/dev/null); echo "${n:-0}"; }
            before=$(loaded)
            if systemctl is-active -q "$unit"; then systemctl reload "$unit" || exit 1
            else systemctl start "$unit" || exit 1; fi
            i=0
            while [ "$(loaded)" -le "$before" ]; do
                [ "$i" -lt 150 ] || { echo "$unit did not load its configuration within 15 s" >&2; exit 1; }
                systemctl is-active -q "$unit" || { echo "$unit stopped, see $log" >&2; exit 1; }
                sleep 0.1
                i=$((i + 1))
            done
            """;

    /** $1 unit, $2 its config file. */
    static final String STOP = """
            set -eu
            if systemctl is-active -q "$1"; then systemctl stop "$1"; fi
            rm -f -- "$2"
            """;

    /** $1 path. */
    static final String REMOVE = """
            rm -f -- "$1"
            """;

    /** $1 log file, $2 lines. */
    static final String LOG_TAIL = """
            [ -f "$1" ] && tail -n "$2" -- "$1" || true
            """;

    /**
     * bash: $1 address, $2 port. The tunnel's client end accepts any connection at once; whether the far end took it
     * shows as the connection staying open (the PSK handshake failed or the target is unreachable: stunnel closes it).
     */
    static final String PROBE = """
            exec 3<>"/dev/tcp/$1/$2" || { echo "nothing listens on $1:$2" >&2; exit 2; }
            timeout 2 cat <&3 >/dev/null 2>&1
            [ $? -eq 124 ] && exit 0
            echo "the tunnel closed the connection to $1:$2" >&2
            exit 1
            """;

    private StunnelScripts() {
    }
}
