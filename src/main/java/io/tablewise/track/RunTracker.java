package io.tablewise.track;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.tablewise.engine.NodeResult;
import io.tablewise.engine.RunResult;
import io.tablewise.flow.Edge;
import io.tablewise.flow.Flow;
import io.tablewise.model.ModelJson;
import io.tablewise.model.TrainedModel;
import io.tablewise.node.NodeParams;

/** Turns the models a flow run built into run records. */
public final class RunTracker {
    /** Random per process: ids from two processes in the same second differ. */
    private static final String PROCESS_TAG = String.format(Locale.ROOT, "%06x",
            new java.security.SecureRandom().nextInt(1 << 24));
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private RunTracker() {
    }

    /**
     * Records the models built in a run: their records are appended to the run log under {@code outputRoot}.
     *
     * @return the records appended
     */
    public static List<RunRecord> record(Path outputRoot, Flow flow, Path flowFile, Map<String, Object> flowParameters,
                                         RunResult result) throws java.io.IOException {
        List<RunRecord> records = records(flow, flowFile, flowParameters, result, outputRoot);
        new RunLog(outputRoot).append(records);
        return records;
    }

    /**
     * A record per model built in this run (models served from the cache were not built again and are skipped).
     *
     * @param flow the flow
     * @param flowFile its file
     * @param flowParameters the effective flow parameters (defaults with the overrides applied)
     * @param result the run's result
     * @param outputRoot where the run wrote its files
     */
    public static List<RunRecord> records(Flow flow, Path flowFile, Map<String, Object> flowParameters,
                                          RunResult result, Path outputRoot) {
        List<RunRecord> out = new ArrayList<>();
        Map<String, Object> document = document(flow);
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT));
        for (NodeResult r : result.nodes().values()) {
            boolean builds = flow.node(r.nodeId()).map(n -> n.type().equals("model.build")).orElse(false);
            if (r.fromCache() || !builds || !(r.outputs().get("model") instanceof TrainedModel m)) {
                continue; // registering or loading a model passes it on, but builds nothing
            }
            Map<String, String> params = new TreeMap<>();
            flowParameters.forEach((k, v) -> params.put("flow." + k, String.valueOf(v)));
            for (String id : withUpstream(flow, r.nodeId())) {
                NodeParams p = result.validation().params().get(id);
                if (p != null) {
                    p.asMap().forEach((k, v) -> params.put(id + "." + k, String.valueOf(v)));
                }
            }
            Map<String, Double> metrics = new TreeMap<>();
            m.evaluation().metrics().forEach((k, v) -> metrics.put(ModelJson.camel(k), Double.isNaN(v) ? null : v));
            Map<String, Object> data = new TreeMap<>();
            data.put("fingerprint", m.info().get("dataFingerprint"));
            data.put("rows", m.info().get("dataRows"));
            data.put("columns", m.info().get("dataColumns"));
            List<String> artifacts = new ArrayList<>();
            for (Edge e : flow.outgoing(r.nodeId())) {
                NodeParams p = result.validation().params().get(e.to().node());
                if (p != null && p.has("path")) {
                    artifacts.add(outputRoot.resolve(p.string("path", "")).normalize().toString());
                }
            }
            Map<String, Object> model = new java.util.LinkedHashMap<>();
            model.put("algorithm", m.info().get("algorithm"));
            model.put("settings", m.settings());
            if (m.info().get("warnings") != null) {
                model.put("warnings", m.info().get("warnings")); // leaks and near-perfect scores travel with the run
            }
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> leaderboard = m.info().get("leaderboard") instanceof List<?> board
                    ? (List<Map<String, Object>>) board : List.of();
            out.add(new RunRecord(runId(stamp),
                    LocalDateTime.now().withNano(0).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME),
                    flowFile.getFileName().toString(), r.nodeId(), m.target(),
                    m.problemType().name().toLowerCase(Locale.ROOT), data, params, metrics, r.seconds(), artifacts,
                    model, leaderboard, document, conditions(flow, result)));
        }
        return out;
    }

    /** What each branching node of the run chose, and why (its first message). */
    static Map<String, String> conditions(Flow flow, RunResult result) {
        Map<String, String> out = new TreeMap<>();
        for (io.tablewise.flow.NodeInstance n : flow.nodes()) {
            NodeResult r = result.nodes().get(n.id());
            if (n.type().equals("flow.condition") && r != null && !r.messages().isEmpty()) {
                out.put(n.id(), r.messages().get(0).text());
            }
        }
        return out;
    }

    /** The flow as its file would hold it, as a JSON tree. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> document(Flow flow) {
        try {
            return JSON.readValue(new io.tablewise.flow.json.FlowWriter().toJson(flow), Map.class);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // the writer's own JSON always reads back
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    /**
     * A run id that is unique across processes: the time to the second (ids sort by time) and a random part (two
     * runs of the same flow at once, from two processes, must not share one).
     */
    static String runId(String stamp) {
        return stamp + "-" + PROCESS_TAG + "-" + COUNTER.incrementAndGet();
    }

    /** The node and every node upstream of it, in flow order. */
    static Set<String> withUpstream(Flow flow, String node) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(node));
        while (!todo.isEmpty()) {
            String n = todo.pop();
            if (seen.add(n)) {
                flow.incoming(n).forEach(e -> todo.push(e.from().node()));
            }
        }
        Set<String> ordered = new LinkedHashSet<>();
        flow.nodes().forEach(n -> {
            if (seen.contains(n.id())) {
                ordered.add(n.id());
            }
        });
        return ordered;
    }
}
