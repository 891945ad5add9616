package org.offops.remote;

/** The constant sh scripts behind {@link RemoteFiles}, which take data only as positional parameters and stdin. */
final class FileScripts {

    /**
     * $1 target, $2 owner, $3 mode; stdin is the expected sha256 on one line, then the content (the hash travels on
     * stdin too, so not even a digest of a secret reaches the command line).
     */
    static final String PUSH = """
            set -eu
            target=$1; owner=$2; mode=$3
            dir=$(dirname -- "$target")
            [ -d "$dir" ] || { echo "directory $dir does not exist" >&2; exit 2; }
            [ ! -d "$target" ] || { echo "$target is a directory" >&2; exit 2; }
            IFS= read -r expected
            tmp=$(mktemp "$dir/.offops-push.XXXXXXXX")
            trap 'rm -f -- "$tmp"' EXIT
            cat > "$tmp"
            chown -- "$owner" "$tmp"
            chmod -- "$mode" "$tmp"
            actual=$(sha256sum < "$tmp"); actual=${actual%% *}
            [ "$actual" = "$expected" ] || { echo "content changed in transfer (sha256 mismatch)" >&2; exit 3; }
            sync -- "$tmp" 2>/dev/null || true
            mv -fT -- "$tmp" "$target"
            trap - EXIT
            """;

    /** $1 path; prints "absent", or "present" and the base64 of the content. */
    static final String READ = """
            set -eu
            if [ ! -e "$1" ] && [ ! -L "$1" ]; then echo absent; exit 0; fi
            [ -f "$1" ] || { echo "$1 is not a regular file" >&2; exit 2; }
            echo present
            base64 -w 0 -- "$1"
            """;

    /**
     * $1 fresh target directory; stdin is a tar.gz. GNU tar refuses members with '..' and strips leading '/';
     * links pointing outside are refused afterwards; on any failure the new directory is removed.
     */
    static final String EXTRACT = """
            set -eu
            target=$1
            parent=$(dirname -- "$target")
            [ -d "$parent" ] || { echo "parent directory $parent does not exist" >&2; exit 2; }
            mkdir -- "$target" || { echo "$target already exists: archives go into a fresh directory" >&2; exit 2; }
            trap 'status=$?; [ "$status" -eq 0 ] || rm -rf -- "$target"' EXIT
            tar -xzf - -C "$target" --no-same-owner
            escaping=$(find "$target" -type l \\( -lname '/*' -o -lname '..' -o -lname '../*' -o -lname '*/..' \\
                -o -lname '*/../*' \\) -print)
            [ -z "$escaping" ] || { echo "archive holds links that leave $target" >&2; exit 4; }
            """;

    private FileScripts() {
    }
}
