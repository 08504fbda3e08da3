package io.tablewise.engine;

/** Where a node stands. */
public enum NodeState {
    /** Never run in this session. */
    IDLE,
    /** Ran before, but its parameters or something upstream changed since. */
    STALE,
    /** Waiting for its inputs in the current run. */
    QUEUED,
    /** Running now. */
    RUNNING,
    /** Has up-to-date results. */
    DONE,
    /** Failed; the message says why. */
    FAILED,
    /** Not run because a node upstream failed or is invalid. */
    SKIPPED,
    /** Stopped by the user. */
    CANCELLED,
    /** On the branch a pipeline condition did not take: not run, and not a failure. */
    NOT_TAKEN;

    /** The lower-case name shown by the CLI ("not taken"). */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
