package io.tablewise.ml;

import java.util.Locale;
import java.util.Optional;

/**
 * Whether XGBoost's native library loads on this computer. XGBoost4J 1.6.2 ships it for Linux x86_64, Windows x64 and
 * macOS x86_64 only (not Apple silicon), and on macOS it needs the OpenMP runtime (libomp). Where it does not load,
 * the boosted-tree and forest families are left out of automatic builds and refused, with this reason, when asked for
 * by name; the pure-Java families (linear, SGD, decision tree, neighbours) still build models.
 */
public final class NativeBoosting {
    private static volatile Optional<String> unavailable;

    private NativeBoosting() {
    }

    /** Empty when XGBoost can train here; otherwise why not, in words for the analyst. */
    public static Optional<String> unavailable() {
        Optional<String> known = unavailable;
        if (known == null) {
            known = probe();
            unavailable = known;
        }
        return known;
    }

    /** Whether {@code learner} can train on this computer. */
    public static boolean canTrain(Learner learner) {
        return !learner.nativeCode() || unavailable().isEmpty();
    }

    /** For tests: behave as on a computer where the library does not load ({@code null}: probe again). */
    static void pretendUnavailable(String reason) {
        unavailable = reason == null ? null : Optional.of(reason);
    }

    private static Optional<String> probe() {
        try {
            // the class's static initialiser loads the native library from the jar
            Class.forName("ml.dmlc.xgboost4j.java.XGBoostJNI", true, NativeBoosting.class.getClassLoader());
            return Optional.empty();
        } catch (Throwable e) { // UnsatisfiedLinkError, ExceptionInInitializerError, NoClassDefFoundError
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return Optional.of("XGBoost's native library does not load on this computer ("
                    + System.getProperty("os.name") + " " + System.getProperty("os.arch").toLowerCase(Locale.ROOT)
                    + "): " + cause.getClass().getSimpleName() + ": " + cause.getMessage());
        }
    }
}
