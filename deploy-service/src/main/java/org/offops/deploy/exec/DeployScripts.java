package org.offops.deploy.exec;

/** The constant sh scripts of the deployment steps; data reaches them only as positional parameters. */
final class DeployScripts {

    /** $1 code path, $2 static path: refuses local changes, prints what runs now (head=, static=). */
    static final String GIT_STATUS = """
            set -eu
            code=$1; static=$2
            [ -d "$code/.git" ] || { echo "$code is not a git working tree" >&2; exit 2; }
            changes=$(git -C "$code" status --porcelain)
            if [ -n "$changes" ]; then
              printf 'refusing to deploy over uncommitted changes in %s:\\n%s\\n' "$code" "$changes" >&2
              exit 3
            fi
            head=$(git -C "$code" describe --tags --exact-match HEAD 2>/dev/null || git -C "$code" rev-parse HEAD)
            echo "head=$head"
            if [ -L "$static" ]; then echo "static=$(readlink -f -- "$static")"; fi
            """;

    static final String FETCH = """
            set -eu
            git -C "$1" fetch --quiet --tags origin
            """;

    /** $1 code path, $2 tag or commit, $3 "force" to discard local changes (rollback only). */
    static final String CHECKOUT = """
            set -eu
            code=$1; ref=$2; force=
            [ "${3:-}" = force ] && force=--force
            commit=$(git -C "$code" rev-parse --verify --quiet "refs/tags/$ref^{commit}") \\
              || commit=$(git -C "$code" rev-parse --verify --quiet "$ref^{commit}") \\
              || { echo "no tag or commit $ref in $code" >&2; exit 2; }
            git -C "$code" -c advice.detachedHead=false checkout --quiet $force --detach "$commit"
            echo "HEAD at $ref ($commit)"
            """;

    /** $1 code path, $2 flavor, then link/target pairs; data links code/<kind> -> /mnt/<flavor>/<kind> too. */
    static final String VERIFY_LAYOUT = """
            set -eu
            code=$1; flavor=$2; shift 2
            bad=0
            check() {
              actual=$(readlink -- "$1" 2>/dev/null || true)
              if [ "$actual" != "$2" ]; then echo "layout: $1 -> ${actual:-(missing)}, expected -> $2" >&2; bad=1
              elif [ ! -e "$1" ]; then echo "layout: $1 -> $2 is dangling" >&2; bad=1
              else echo "ok $1 -> $2"; fi
            }
            while [ $# -ge 2 ]; do check "$1" "$2"; shift 2; done
            for dir in /mnt/"$flavor"/*; do [ -d "$dir" ] || continue; check "$code/${dir##*/}" "$dir"; done
            exit $bad
            """;

    /** $1 code path, then the command's words. */
    static final String BUILD = """
            set -eu
            cd -- "$1"; shift
            exec "$@"
            """;

    /** $1 releases directory, $2 incoming directory name: a fresh place to extract into. */
    static final String PREPARE_UPLOAD = """
            set -eu
            mkdir -p -- "$1"
            rm -rf -- "$1/$2"
            """;

    /** $1 releases directory, $2 incoming name, $3 tag: a release directory, once complete, is never changed. */
    static final String FINISH_UPLOAD = """
            set -eu
            if [ -e "$1/$3" ]; then rm -rf -- "$1/$2"; echo "$1/$3 already installed"
            else mv -T -- "$1/$2" "$1/$3"; echo "installed $1/$3"; fi
            """;

    /** $1 static symlink, $2 release directory: swapped atomically (new link, then rename over the old). */
    static final String SWITCH_STATIC = """
            set -eu
            static=$1; target=$2
            [ -d "$target" ] || { echo "$target is not a directory" >&2; exit 2; }
            if [ -e "$static" ] && [ ! -L "$static" ]; then echo "$static is not a symlink: not replacing it" >&2; exit 2; fi
            ln -sfn -- "$target" "$static.offops-new"
            mv -T -- "$static.offops-new" "$static"
            echo "$static -> $target"
            """;

    /** $1 releases directory, $2 how many to keep, $3 static symlink (its target is always kept). */
    static final String PRUNE = """
            set -eu
            current=$(readlink -- "$3" || true)
            ls -1dt -- "$1"/*/ 2>/dev/null | sed 's:/$::' | tail -n +$(($2 + 1)) | while IFS= read -r dir; do
              [ "$dir" = "$current" ] && continue
              rm -rf -- "$dir"; echo "removed $dir"
            done
            """;

    private DeployScripts() {
    }
}
