package io.tablewise.data;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Collects import problems by kind with their line numbers, keeping the first few examples of each and a
 * count of all, so a million bad rows give a handful of readable warnings rather than a million.
 */
public final class ProblemLog {
    /** Examples kept per kind. */
    static final int EXAMPLES = 5;

    /** Kinds of import problems, each with how it is summarised. */
    public enum Kind {
        TOO_FEW_FIELDS("fewer fields than the header"),
        TOO_MANY_FIELDS("more fields than the header"),
        UNPARSEABLE("a value that cannot be read as its column's type"),
        STRAY_QUOTE("a quote character inside an unquoted field (kept as a character)"),
        TEXT_AFTER_QUOTE("text after a closing quote (kept)"),
        UNTERMINATED_QUOTE("a quote that is never closed (the field was ended at the end of its line)");

        private final String summary;

        Kind(String summary) {
            this.summary = summary;
        }

        /** What the kind means, as a phrase. */
        public String summary() {
            return summary;
        }
    }

    /**
     * One example.
     *
     * @param kind the kind of problem
     * @param line 1-based physical line number
     * @param detail what exactly was wrong on that line
     */
    public record Example(Kind kind, long line, String detail) {
        /** E.g. {@code line 7: fewer fields than the header (3 fields, expected 5)}. */
        public String describe() {
            return "line " + line + ": " + kind.summary() + (detail.isEmpty() ? "" : " " + detail);
        }
    }

    private final Map<Kind, List<Example>> examples = new EnumMap<>(Kind.class);
    private final Map<Kind, Long> counts = new EnumMap<>(Kind.class);

    /** Records a problem. */
    public void add(Kind kind, long line, String detail) {
        counts.merge(kind, 1L, Long::sum);
        List<Example> list = examples.computeIfAbsent(kind, k -> new ArrayList<>());
        if (list.size() < EXAMPLES) {
            list.add(new Example(kind, line, detail));
        }
    }

    /** Adds another log whose line numbers are relative, shifting them by {@code lineOffset}. */
    public void merge(ProblemLog other, long lineOffset) {
        other.counts.forEach((k, c) -> counts.merge(k, c, Long::sum));
        other.examples.forEach((k, list) -> {
            List<Example> mine = examples.computeIfAbsent(k, x -> new ArrayList<>());
            for (Example e : list) {
                if (mine.size() < EXAMPLES) {
                    mine.add(new Example(k, e.line() + lineOffset, e.detail()));
                }
            }
        });
    }

    /** True if nothing was recorded. */
    public boolean isEmpty() {
        return counts.isEmpty();
    }

    /** Number of problems of a kind. */
    public long count(Kind kind) {
        return counts.getOrDefault(kind, 0L);
    }

    /** The earliest recorded example over all kinds. */
    public Example first() {
        return examples.values().stream().flatMap(List::stream)
                .min((a, b) -> Long.compare(a.line(), b.line())).orElse(null);
    }

    /** One warning per kind, e.g. {@code 3 rows have fewer fields than the header (line 4: ...; line 9: ...)}. */
    public List<String> warnings(String consequence) {
        List<String> out = new ArrayList<>();
        for (Kind k : Kind.values()) {
            long c = counts.getOrDefault(k, 0L);
            if (c == 0) {
                continue;
            }
            StringBuilder sb = new StringBuilder();
            sb.append(c).append(c == 1 ? " row has " : " rows have ").append(k.summary());
            if (k == Kind.TOO_FEW_FIELDS || k == Kind.TOO_MANY_FIELDS || k == Kind.UNPARSEABLE) {
                sb.append("; ").append(consequence);
            }
            sb.append(": ");
            List<Example> list = examples.get(k);
            for (int i = 0; i < list.size(); i++) {
                sb.append(i == 0 ? "" : "; ").append("line ").append(list.get(i).line());
                if (!list.get(i).detail().isEmpty()) {
                    sb.append(" ").append(list.get(i).detail());
                }
            }
            if (c > list.size()) {
                sb.append("; and ").append(c - list.size()).append(" more");
            }
            out.add(sb.toString());
        }
        return out;
    }
}
