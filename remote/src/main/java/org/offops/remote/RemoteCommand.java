package org.offops.remote;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A command to run on a host, kept as a program and its arguments; {@link #toShellLine()} is the only place a shell
 * line is made, and it quotes every word so each argument reaches the program as one inert word.
 */
public record RemoteCommand(String program, List<String> args) {

    // words made only of these need no quoting; '=' is absent so a program word is never read as an assignment
    private static final Pattern PLAIN_WORD = Pattern.compile("[A-Za-z0-9_@%+:,./-]+");

    public RemoteCommand {
        Objects.requireNonNull(program, "program");
        if (program.isEmpty()) {
            throw new IllegalArgumentException("program must not be empty");
        }
        args = List.copyOf(args);
        checkNoNul(program);
        args.forEach(RemoteCommand::checkNoNul);
    }

    public static RemoteCommand of(String program, String... args) {
        return new RemoteCommand(program, List.of(args));
    }

    /**
     * Runs a constant POSIX sh script with data passed as positional parameters ($1, $2, ...), never spliced into
     * the script text. The script must be a literal in the caller's code.
     */
    public static RemoteCommand script(String constantScript, String... args) {
        List<String> words = new ArrayList<>(List.of("-c", constantScript, "sh"));
        words.addAll(List.of(args));
        return new RemoteCommand("sh", words);
    }

    /** The POSIX sh line for this command, each word quoted ({@code 'it'\''s'}) unless it is plainly inert. */
    public String toShellLine() {
        StringBuilder line = new StringBuilder(quote(program));
        for (String arg : args) {
            line.append(' ').append(quote(arg));
        }
        return line.toString();
    }

    /** Quotes one word for POSIX sh. */
    public static String quote(String word) {
        if (!word.isEmpty() && PLAIN_WORD.matcher(word).matches()) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }

    @Override
    public String toString() {
        return toShellLine();
    }

    private static void checkNoNul(String word) {
        // a NUL cannot be passed through an exec argument; refuse rather than silently truncate
        if (word.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("command words must not contain NUL");
        }
    }
}
