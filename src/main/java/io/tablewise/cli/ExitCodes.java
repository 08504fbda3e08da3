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

    /** A refusal as the user reads it: the option it concerns ({@code --horizon: …}) when it names one. */
    static String said(io.tablewise.node.NodeException e) {
        return "error: " + (e.param() == null ? "" : "--" + e.param() + ": ") + e.getMessage();
    }

    /** Says a refusal; the code is {@link #INVALID} when an option was wrong, else {@link #NODE_FAILED}. */
    static int refused(java.io.PrintWriter err, io.tablewise.node.NodeException e) {
        err.println(said(e));
        return e.param() != null ? INVALID : NODE_FAILED;
    }
}
