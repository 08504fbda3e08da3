package io.tablewise.track;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tablewise.flow.Flow;
import io.tablewise.node.Suggestions;

/** The combinations of a parameter sweep: every value of each swept flow parameter with every other's. */
public final class SweepGrid {
    /** Most runs one sweep starts: each builds models, and 20 parameters of 2 values would be a million runs. */
    public static final int MAX_COMBINATIONS = 1_000;

    private SweepGrid() {
    }

    /**
     * Every combination of {@code values} (parameter name → values in order), the first parameter varying slowest;
     * one empty combination when nothing is swept.
     *
     * @throws IllegalArgumentException naming a parameter the flow does not have, or one without values
     */
    public static List<Map<String, String>> of(Flow flow, Map<String, List<String>> values) {
        List<Map<String, String>> grid = new ArrayList<>();
        grid.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<String>> e : values.entrySet()) {
            String name = e.getKey();
            if (!flow.parameters().containsKey(name)) {
                throw new IllegalArgumentException("the flow has no parameter '" + name + "'"
                        + Suggestions.didYouMean(name, flow.parameters().keySet()));
            }
            List<String> vs = e.getValue().stream().map(String::trim).filter(v -> !v.isEmpty()).toList();
            if (vs.isEmpty()) {
                throw new IllegalArgumentException("no values given for '" + name + "'");
            }
            if ((long) grid.size() * vs.size() > MAX_COMBINATIONS) {
                long total = values.values().stream().mapToLong(List::size).reduce(1, (a, b) -> a * b);
                throw new IllegalArgumentException("the sweep would start " + String.format(java.util.Locale.ROOT,
                        "%,d", total) + " runs; at most " + MAX_COMBINATIONS + " are run at once. Sweep fewer "
                        + "parameters or values");
            }
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> base : grid) {
                for (String v : vs) {
                    Map<String, String> c = new LinkedHashMap<>(base);
                    c.put(name, v);
                    next.add(c);
                }
            }
            grid = next;
        }
        return grid;
    }

    /** Parses {@code NAME=V1,V2,...} into its name and values. */
    public static Map.Entry<String, List<String>> parse(String sweep) {
        int eq = sweep.indexOf('=');
        if (eq <= 0 || eq == sweep.length() - 1) {
            throw new IllegalArgumentException("a sweep is NAME=V1,V2,... but got '" + sweep + "'");
        }
        return Map.entry(sweep.substring(0, eq).trim(), List.of(sweep.substring(eq + 1).split(",")));
    }
}
