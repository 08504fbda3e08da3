package io.tablewise.transform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tech.tablesaw.api.Table;

import io.tablewise.node.NodeException;
import io.tablewise.node.NodeParams;

/**
 * An ordered list of transforms with their parameters: the unfitted description of a preprocessing pipeline.
 * {@link #fit} learns every step on training rows only, each step on the output of the steps before it, and gives
 * a {@link Fitted} chain that replays exactly the same steps on any rows (a test split, a new file to score).
 */
public final class TransformChain {
    /**
     * One step.
     *
     * @param transform the transform
     * @param params its parameters
     */
    public record Step(Transform transform, NodeParams params) {
    }

    private final List<Step> steps;

    /** A chain of steps, applied in order. */
    public TransformChain(List<Step> steps) {
        this.steps = List.copyOf(steps);
    }

    /** The steps. */
    public List<Step> steps() {
        return steps;
    }

    /** True when a step learns from its rows (imputation, scaling, encoding, ...). */
    public boolean learns() {
        return steps.stream().anyMatch(s -> s.transform().learns());
    }

    /**
     * The transform nodes right upstream of an input (nearest last) and the table they started from, so that a node
     * can refit them on rows of its choosing: none when the input does not come from transform nodes.
     */
    public static Map.Entry<Table, TransformChain> upstreamOf(io.tablewise.node.Lineage lineage, Table input) {
        List<io.tablewise.node.Lineage.Step> found = lineage.steps();
        int first = found.size();
        while (first > 0 && found.get(first - 1).type() instanceof TransformNode
                && found.get(first - 1).input() instanceof Table) {
            first--;
        }
        if (first == found.size()) {
            return Map.entry(input, new TransformChain(List.of()));
        }
        List<Step> chain = new ArrayList<>();
        for (io.tablewise.node.Lineage.Step s : found.subList(first, found.size())) {
            chain.add(new Step(((TransformNode) s.type()).transform(), s.params()));
        }
        return Map.entry((Table) found.get(first).input(), new TransformChain(chain));
    }

    /** Learns every step on the rows {@code trainRows} of {@code table} only. */
    public Fitted fit(Table table, int[] trainRows) throws NodeException {
        return fitApply(table, trainRows).fitted();
    }

    /**
     * A fitted chain and the training rows after it.
     *
     * @param fitted the fitted chain
     * @param train the training rows transformed (balance steps included)
     */
    public record FitResult(Fitted fitted, Table train) {
    }

    /** Learns every step on the rows {@code trainRows} only, and returns those rows transformed as well. */
    public FitResult fitApply(Table table, int[] trainRows) throws NodeException {
        Table current = Columns.gather(table, trainRows);
        List<FittedState> states = new ArrayList<>();
        for (Step s : steps) {
            s.transform().outputSchema(io.tablewise.node.TableSchema.of(current), s.params());
            FittedState state = s.transform().fit(current, s.params());
            states.add(state);
            current = s.transform().apply(current, s.params(), state, TransformContext.NONE);
        }
        return new FitResult(new Fitted(steps, states), current);
    }

    /**
     * A fitted chain: the steps and what each learned.
     *
     * @param steps the steps
     * @param states what each step learned, in order
     */
    public record Fitted(List<Step> steps, List<FittedState> states) {
        /** Copies the lists. */
        public Fitted {
            steps = List.copyOf(steps);
            states = List.copyOf(states);
        }

        /** Replays the steps on any rows, never learning anything new (training-only steps are skipped). */
        public Table apply(Table table, TransformContext context) throws NodeException {
            Table current = table;
            for (int i = 0; i < steps.size(); i++) {
                Step s = steps.get(i);
                if (s.transform().trainingOnly()) {
                    continue;
                }
                current = s.transform().apply(current, s.params(), states.get(i), context);
            }
            return current;
        }

        /** Rebuilds a fitted chain from {@link #describe()}; fails on a transform this version does not have. */
        @SuppressWarnings("unchecked")
        public static Fitted fromDescription(List<Map<String, Object>> description) {
            List<Step> steps = new ArrayList<>();
            List<FittedState> states = new ArrayList<>();
            for (Map<String, Object> d : description) {
                String id = (String) d.get("type");
                Transform t = TransformCatalog.all().stream().filter(x -> x.spec().id().equals(id)).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("unknown transform '" + id + "'"));
                Map<String, Object> params = new LinkedHashMap<>();
                ((Map<String, Object>) d.get("params")).forEach((k, v) -> params.put(k, v instanceof Integer i
                        ? Long.valueOf(i) : v));
                // a model file is data from elsewhere: its parameters pass the same checks as a flow's
                for (io.tablewise.node.ParamSpec spec : t.spec().params()) {
                    java.util.Optional<String> problem = spec.check(params.get(spec.name()));
                    if (problem.isPresent() && params.containsKey(spec.name())) {
                        throw new IllegalArgumentException("transform '" + id + "' parameter '" + spec.name() + "': "
                                + problem.get());
                    }
                }
                steps.add(new Step(t, new NodeParams(params)));
                states.add(new FittedState((Map<String, Object>) d.get("learned")));
            }
            return new Fitted(steps, states);
        }

        /** The steps and their learned states as JSON-able data (saved with a model). */
        public List<Map<String, Object>> describe() {
            List<Map<String, Object>> out = new ArrayList<>();
            for (int i = 0; i < steps.size(); i++) {
                Map<String, Object> step = new LinkedHashMap<>();
                step.put("type", steps.get(i).transform().spec().id());
                step.put("params", steps.get(i).params().asMap());
                step.put("learned", states.get(i).values());
                out.add(step);
            }
            return out;
        }
    }
}
