package io.tablewise.abtest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.tablewise.capture.CaptureRecord;
import io.tablewise.capture.FeedbackRecord;

/**
 * The true outcome of each captured row: from {@code /feedback} (by request id and row) or from a labels file (by a
 * key column the rows carry, such as a customer id). The last outcome given for a row wins.
 */
public final class Outcomes {
    private final Map<String, String> byRow = new HashMap<>();
    private final Map<String, String> byKey = new HashMap<>();
    private final String key;

    private Outcomes(String key) {
        this.key = key;
    }

    /** Outcomes sent to the endpoint's feedback path. */
    public static Outcomes fromFeedback(List<FeedbackRecord> feedback) {
        Outcomes o = new Outcomes(null);
        for (FeedbackRecord f : feedback) {
            o.byRow.put(f.requestId() + "#" + f.row(), f.actual());
        }
        return o;
    }

    /**
     * Outcomes by the value of a key column, from a labels file.
     *
     * @param key the column of the captured rows that the labels file's key matches
     */
    public static Outcomes byKey(String key, Map<String, String> outcomes) {
        Outcomes o = new Outcomes(key);
        o.byKey.putAll(outcomes);
        return o;
    }

    /** The outcome of a captured row, or null when none is known. */
    public String of(CaptureRecord r) {
        if (key == null) {
            return byRow.get(r.requestId() + "#" + r.row());
        }
        Object k = r.input().get(key);
        return k == null ? null : byKey.get(text(k));
    }

    /** The key column, or null for feedback. */
    public String key() {
        return key;
    }

    /** How many outcomes there are. */
    public int size() {
        return key == null ? byRow.size() : byKey.size();
    }

    /** A key as text: whole numbers without a decimal point, so 1001 in the capture matches "1001" in a file. */
    static String text(Object k) {
        if (k instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return String.valueOf(d.longValue());
        }
        return String.valueOf(k);
    }
}
