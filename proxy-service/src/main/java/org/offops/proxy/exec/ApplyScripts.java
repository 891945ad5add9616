package org.offops.proxy.exec;

/**
 * The constant sh scripts run on a proxy host; data comes only as positional parameters and stdin. Paths are
 * validated before (absolute, plain characters, under /etc/nginx or /etc/fail2ban).
 */
final class ApplyScripts {

    static final int NGINX_REJECTED = 10;
    static final int FAIL2BAN_REJECTED = 11;
    static final int NGINX_RELOAD_FAILED = 12;
    static final int FAIL2BAN_RELOAD_FAILED = 13;

    /**
     * $1 "1" to test and reload fail2ban too; then the paths to write (their content is the tar on stdin, entries
     * named by the path without its leading '/'), "--", the paths to remove. Each file is replaced by rename; the
     * previous files are kept aside and put back if {@code nginx -t} (or {@code fail2ban-client -t}) refuses the
     * result, so the running nginx never reloads an invalid configuration.
     */
    static final String APPLY = """
            set -u
            fail2ban=$1; shift
            stage=$(mktemp -d /tmp/offops-proxy.XXXXXXXX) || exit 2
            trap 'rm -rf -- "$stage"' EXIT
            mkdir "$stage/new" "$stage/old" && : > "$stage/undo" || exit 2
            tar -xf - -C "$stage/new" --no-same-owner || { echo "cannot unpack the configuration" >&2; exit 2; }
            restore() {
                while read -r kind p; do
                    if [ "$kind" = keep ]; then
                        cp -p -- "$stage/old$p" "$p.offops-restore" && mv -fT -- "$p.offops-restore" "$p"
                    else
                        rm -f -- "$p"
                    fi
                done < "$stage/undo"
            }
            existing=
            for p in "$@"; do
                [ "$p" = -- ] && continue
                if [ -e "$p" ]; then echo "keep $p"; existing=1; else echo "drop $p"; fi >> "$stage/undo"
            done
            # one copy of every file about to change, kept until nginx has accepted the new ones
            if [ -n "$existing" ]; then
                sed -n 's/^keep //p' "$stage/undo" | tr '\\n' '\\0' | xargs -0 cp --parents -t "$stage/old" -- \\
                    || { echo "cannot keep a copy of the current files" >&2; exit 2; }
            fi
            mode=put
            for p in "$@"; do
                if [ "$p" = -- ]; then mode=delete; continue; fi
                if [ "$mode" = put ]; then
                    [ -d "${p%/*}" ] || mkdir -p -- "${p%/*}" || { restore; echo "cannot create ${p%/*}" >&2; exit 2; }
                    # each file is replaced by a rename in its own directory: readers see old or new, never a part
                    if ! { cp -- "$stage/new$p" "$p.offops-new" && mv -fT -- "$p.offops-new" "$p"; }; then
                        rm -f -- "$p.offops-new"; restore; echo "cannot write $p" >&2; exit 2
                    fi
                else
                    rm -f -- "$p" || { restore; echo "cannot remove $p" >&2; exit 2; }
                fi
            done
            if ! out=$(nginx -t 2>&1); then
                restore; printf '%s\\n' "$out" >&2; exit 10
            fi
            if [ "$fail2ban" = 1 ] && ! out=$(fail2ban-client -t 2>&1); then
                restore; printf '%s\\n' "$out" >&2; exit 11
            fi
            if ! out=$(systemctl reload-or-restart nginx 2>&1); then
                restore; systemctl reload-or-restart nginx > /dev/null 2>&1; printf '%s\\n' "$out" >&2; exit 12
            fi
            if [ "$fail2ban" = 1 ] && ! out=$(systemctl reload-or-restart fail2ban 2>&1); then
                printf '%s\\n' "$out" >&2; exit 13
            fi
            echo applied
            """;

    /** Every argument is a path; prints "path<TAB>base64" per present file and "path<TAB>-" per absent one. */
    static final String READ_ALL = """
            set -eu
            for p in "$@"; do
                if [ -f "$p" ]; then
                    printf '%s\\t' "$p"; base64 -w 0 -- "$p"; printf '\\n'
                else
                    printf '%s\\t-\\n' "$p"
                fi
            done
            """;

    private ApplyScripts() {
    }
}
