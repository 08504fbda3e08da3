package io.tablewise.registry;

/**
 * A registry operation that cannot be done, with a message naming the registry and the reference. A usage error (an
 * unknown group or version, a wrong name, an alias on a rejected version) is the user's to fix; a failure (a
 * database that cannot be reached, a locked or read-only file, a tampered artifact) is the environment's.
 */
public final class RegistryException extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean usage;

    private RegistryException(String message, boolean usage, Throwable cause) {
        super(message, cause);
        this.usage = usage;
    }

    /** A request the registry refuses: fix the command. */
    public static RegistryException usage(String message) {
        return new RegistryException(message, true, null);
    }

    /** An operation that failed; nothing was half-written. */
    public static RegistryException failure(String message, Throwable cause) {
        return new RegistryException(message, false, cause);
    }

    /** Whether the request itself was wrong (exit code 2) rather than the operation failing (exit code 1). */
    public boolean isUsage() {
        return usage;
    }
}
