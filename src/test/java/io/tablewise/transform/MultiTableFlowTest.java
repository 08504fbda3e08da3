package io.tablewise.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tech.tablesaw.api.Table;

import io.tablewise.engine.ExecutionListener;
import io.tablewise.engine.FlowExecutor;
import io.tablewise.engine.FlowValidator;
import io.tablewise.engine.RunRequest;
import io.tablewise.engine.RunResult;
import io.tablewise.engine.ValidationReport;
import io.tablewise.flow.Flow;
import io.tablewise.flow.json.FlowReader;
import io.tablewise.node.registry.NodeRegistry;

/** Join, concatenate and split through the real engine, from a flow file, with CSV data on disk. */
class MultiTableFlowTest {
    @TempDir
    Path dir;

    private Flow flow(String nodes, String edges) throws Exception {
        Files.writeString(dir.resolve("customers.csv"), "id,region,age\n1,서울,30\n2,부산,40\n3,대구,50\n4,서울,25\n");
        Files.writeString(dir.resolve("orders.csv"), "id,amount\n1,10\n1,15\n2,7\n9,99\n");
        String json = """
                {"format": "tablewise.flow", "formatVersion": 1, "name": "t", "nodes": [
                 {"id": "c", "type": "data.import.csv", "typeVersion": 1, "params": {"path": "customers.csv"}},
                 {"id": "o", "type": "data.import.csv", "typeVersion": 1, "params": {"path": "orders.csv"}},
                """ + nodes + "], \"edges\": [" + edges + "]}";
        return new FlowReader().read(json, "t.flow");
    }

    private static String edge(String from, String fromPort, String to, String toPort) {
        return "{\"from\": {\"node\": \"" + from + "\", \"port\": \"" + fromPort + "\"}, \"to\": {\"node\": \"" + to
                + "\", \"port\": \"" + toPort + "\"}}";
    }

    private RunResult run(Flow f) throws Exception {
        return FlowExecutor.createDefault().run(new RunRequest(f, dir, dir, Map.of(), Set.of()),
                ExecutionListener.NONE);
    }

    @Test
    void joinsOfEveryKindWithManyToManyWarning() throws Exception {
        for (Object[] c : new Object[][] {{"inner", 3}, {"left", 5}, {"right", 4}, {"full", 6}}) {
            Flow f = flow("{\"id\": \"j\", \"type\": \"transform.combine.join\", \"typeVersion\": 1, \"params\": "
                    + "{\"keys\": [\"id\"], \"how\": \"" + c[0] + "\"}}", edge("c", "table", "j", "left") + ","
                    + edge("o", "table", "j", "right"));
            RunResult r = run(f);
            Table out = r.output("j", "table", Table.class);
            assertEquals(c[1], out.rowCount(), "rows of a " + c[0] + " join");
            assertEquals(List.of("id", "region", "age", "amount"), out.columnNames());
        }
        Flow f = flow("{\"id\": \"j\", \"type\": \"transform.combine.join\", \"typeVersion\": 1, \"params\": "
                + "{\"keys\": [\"id\"], \"how\": \"full\"}}", edge("c", "table", "j", "left") + ","
                + edge("o", "table", "j", "right"));
        Table full = run(f).output("j", "table", Table.class);
        assertEquals(9, full.intColumn("id").get(full.rowCount() - 1), "the right-only key fills the key column");
        assertTrue(full.column("region").isMissing(full.rowCount() - 1));
    }

    @Test
    void concatenateMatchesColumnsByName() throws Exception {
        Flow f = flow("{\"id\": \"u\", \"type\": \"transform.combine.concat\", \"typeVersion\": 1, \"params\": "
                + "{\"addSource\": true}}", edge("c", "table", "u", "first") + "," + edge("o", "table", "u", "second"));
        Table out = run(f).output("u", "table", Table.class);
        assertEquals(8, out.rowCount());
        assertEquals(List.of("id", "region", "age", "amount", "source"), out.columnNames());
        assertTrue(out.column("amount").isMissing(0) && out.column("region").isMissing(5));
        assertEquals("second", out.stringColumn("source").get(7));
    }

    @Test
    void splitIsStratifiedSeededAndComplete() throws Exception {
        Path file = dir.resolve("many.csv");
        StringBuilder sb = new StringBuilder("id,y\n");
        for (int i = 0; i < 1000; i++) {
            sb.append(i).append(',').append(i % 10 == 0 ? "yes" : "no").append('\n');
        }
        Files.writeString(file, sb.toString());
        String json = """
                {"format": "tablewise.flow", "formatVersion": 1, "name": "t", "nodes": [
                 {"id": "m", "type": "data.import.csv", "typeVersion": 1, "params": {"path": "many.csv"}},
                 {"id": "s", "type": "transform.split.split", "typeVersion": 1,
                  "params": {"target": "y", "testShare": 0.2, "validationShare": 0.1}}],
                 "edges": [{"from": {"node": "m", "port": "table"}, "to": {"node": "s", "port": "table"}}]}""";
        Flow f = new FlowReader().read(json, "t.flow");
        RunResult r = run(f);
        Table train = r.output("s", "train", Table.class);
        Table validation = r.output("s", "validation", Table.class);
        Table test = r.output("s", "test", Table.class);
        assertEquals(1000, train.rowCount() + validation.rowCount() + test.rowCount());
        assertEquals(200, test.rowCount());
        assertEquals(20, test.stringColumn("y").isEqualTo("yes").size(), "10% positives in the test rows too");
        assertEquals(100, validation.rowCount());
        Table again = run(f).output("s", "test", Table.class);
        assertEquals(test.intColumn("id").asList(), again.intColumn("id").asList(), "same seed, same split");
    }

    @Test
    void validationNamesTheNodeParameterAndSuggestsTheColumn() throws Exception {
        Flow f = flow("{\"id\": \"z\", \"type\": \"transform.scale.standard\", \"typeVersion\": 1, \"params\": "
                + "{\"columns\": [\"agee\"]}}, {\"id\": \"r\", \"type\": \"transform.scale.standard\", "
                + "\"typeVersion\": 1, \"params\": {\"columns\": [\"region\"]}}, {\"id\": \"f\", \"type\": "
                + "\"transform.formula.column\", \"typeVersion\": 1, \"params\": {\"name\": \"x\", \"formula\": "
                + "\"age * (2\"}}", edge("c", "table", "z", "table") + "," + edge("c", "table", "r", "table") + ","
                + edge("c", "table", "f", "table"));
        ValidationReport report = new FlowValidator(NodeRegistry.builtIn()).validate(f, dir, Map.of());
        assertFalse(report.isValid());
        String z = report.messagesFor("z").toString();
        assertTrue(z.contains("columns") && z.contains("did you mean 'age'"), z);
        String r = report.messagesFor("r").toString();
        assertTrue(r.contains("'region' holds text"), r);
        String fm = report.messagesFor("f").toString();
        assertTrue(fm.contains("formula") && fm.contains("at position 9: expected ')'"), fm);
    }
}
