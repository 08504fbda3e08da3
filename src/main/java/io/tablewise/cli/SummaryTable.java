package io.tablewise.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;

import tech.tablesaw.api.Table;

import io.tablewise.engine.NodeResult;
import io.tablewise.engine.RunResult;
import io.tablewise.node.NodeMessage;

/** The table printed after a run: node, state, rows out, seconds, warnings; then the warnings themselves. */
final class SummaryTable {
    private SummaryTable() {
    }

    static void print(RunResult result, PrintWriter out) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"node", "state", "rows out", "seconds", "warnings"});
        for (NodeResult r : result.nodes().values()) {
            rows.add(new String[] {
                r.nodeId(),
                r.state().label() + (r.fromCache() ? " (cached)" : ""),
                rowsOut(r),
                String.format(Locale.ROOT, "%.2f", r.seconds()),
                String.valueOf(r.warnings().size())});
        }
        int[] widths = new int[5];
        for (String[] row : rows) {
            for (int i = 0; i < 5; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (int k = 0; k < rows.size(); k++) {
            String[] row = rows.get(k);
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 5; i++) {
                boolean right = i >= 2;
                String cell = right ? pad(row[i], widths[i], true) : pad(row[i], widths[i], false);
                sb.append(i == 0 ? "" : "  ").append(cell);
            }
            out.println(sb.toString().stripTrailing());
            if (k == 0) {
                out.println("-".repeat(sb.length()));
            }
        }
        out.println(String.format(Locale.ROOT, "%s in %.2f s", result.status().name().toLowerCase(Locale.ROOT),
                result.seconds()));
        Map<String, List<String>> branches = new java.util.LinkedHashMap<>();
        for (NodeResult r : result.nodes().values()) {
            for (NodeMessage m : r.messages()) {
                if (m.severity() != NodeMessage.Severity.INFO) {
                    out.println(m.format());
                }
            }
            if (r.state() == io.tablewise.engine.NodeState.NOT_TAKEN && !r.messages().isEmpty()) {
                // the condition and the values it saw, once per branch
                branches.computeIfAbsent(r.messages().get(0).text(), k -> new ArrayList<>()).add(r.nodeId());
            }
        }
        branches.forEach((why, nodes) -> out.println("NOT TAKEN " + String.join(", ", nodes) + ": " + why));
        out.flush();
    }

    private static String rowsOut(NodeResult r) {
        for (Object o : r.outputs().values()) {
            if (o instanceof Table t) {
                return String.format(Locale.ROOT, "%,d", t.rowCount());
            }
        }
        return "-";
    }

    private static String pad(String s, int width, boolean right) {
        String fill = " ".repeat(Math.max(0, width - s.length()));
        return right ? fill + s : s + fill;
    }
}
