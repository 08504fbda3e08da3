package io.tablewise.ml;

/** Lets tests in other packages behave as on a computer where XGBoost's library does not load. */
public final class NativeBoostingAccess {
    private NativeBoostingAccess() {
    }

    /** {@code null} restores the real probe. */
    public static void pretendUnavailable(String reason) {
        NativeBoosting.pretendUnavailable(reason);
    }
}
