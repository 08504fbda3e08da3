package io.tablewise.cli;

/** The CLI's exit codes. */
public final class ExitCodes {
    /** Everything worked. */
    public static final int OK = 0;
    /** A node failed, or the run was cancelled. */
    public static final int NODE_FAILED = 1;
    /** The flow is invalid or the arguments are wrong. */
    public static final int INVALID = 2;
    /** The checks ran and found violations ({@code tablewise monitor}). */
    public static final int VIOLATIONS = 3;

    private ExitCodes() {
    }
}
