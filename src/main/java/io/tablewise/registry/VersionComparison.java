package io.tablewise.registry;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** Two versions side by side: status, target, data, each metric, each setting and the inputs, differences first. */
public final class VersionComparison {
    /**
     * One compared line.
     *
     * @param name what is compared, e.g. {@code metric auc}
     * @param a the first version's value
     * @param b the second's
     * @param differs whether they differ
     */
    public record Line(String name, String a, String b, boolean differs) {
    }

    private VersionComparison() {
    }

    /** The lines, those that differ first, each group in a stable order. */
    public static List<Line> of(ModelVersion x, ModelVersion y) {
        List<Line> all = new ArrayList<>();
        add(all, "status", x.status(), y.status());
        add(all, "aliases", String.join(", ", x.aliases()), String.join(", ", y.aliases()));
        add(all, "target", x.target(), y.target());
        add(all, "data fingerprint", x.dataFingerprint(), y.dataFingerprint());
        for (String k : new TreeSet<>(union(x.metrics().keySet(), y.metrics().keySet()))) {
            add(all, "metric " + k, number(x.metrics().get(k)), number(y.metrics().get(k)));
        }
        for (String k : union(x.settings().keySet(), y.settings().keySet())) {
            add(all, "setting " + k, text(x.settings().get(k)), text(y.settings().get(k)));
        }
        add(all, "inputs", names(x), names(y));
        List<Line> out = new ArrayList<>(all.stream().filter(Line::differs).toList());
        out.addAll(all.stream().filter(l -> !l.differs()).toList());
        return out;
    }

    private static void add(List<Line> out, String name, String a, String b) {
        out.add(new Line(name, a == null ? "" : a, b == null ? "" : b, !Objects.equals(a, b)));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return all;
    }

    private static String names(ModelVersion v) {
        return String.join(", ", v.inputs().stream().map(c -> String.valueOf(c.get("name"))).toList());
    }

    private static String number(Double v) {
        return v == null ? "" : String.format(Locale.ROOT, "%.4f", v);
    }

    private static String text(Object v) {
        return v == null ? "" : String.valueOf(v);
    }
}
