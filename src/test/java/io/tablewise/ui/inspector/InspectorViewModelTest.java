package io.tablewise.ui.inspector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.tablewise.engine.FlowExecutor;
import io.tablewise.flow.json.FlowReader;
import io.tablewise.node.ParamSpec;
import io.tablewise.node.ParamType;
import io.tablewise.node.registry.NodeRegistry;
import io.tablewise.sample.ChurnGenerator;
import io.tablewise.ui.editor.FlowEditor;
import io.tablewise.ui.run.FakeUiThread;
import io.tablewise.ui.run.RunViewModel;

class InspectorViewModelTest {
    private static final Path SAMPLE = Path.of("projects-sample/customer-churn/customer-churn.flow");
    private final FakeUiThread ui = new FakeUiThread();
    private final FlowExecutor executor = FlowExecutor.createDefault();
    private FlowEditor editor;
    private RunViewModel runs;
    private InspectorViewModel inspector;

    @AfterEach
    void tearDown() {
        ui.run(() -> {
            if (runs != null) {
                runs.shutdown();
            }
        });
        executor.close();
        ui.close();
    }

    private void openSample() throws Exception {
        var flow = new FlowReader().read(SAMPLE);
        ui.run(() -> {
            editor = new FlowEditor(NodeRegistry.builtIn());
            editor.load(flow, SAMPLE.toAbsolutePath(), false);
            runs = new RunViewModel(executor, editor, ui);
            inspector = new InspectorViewModel(editor, runs);
        });
        ui.await(() -> runs.analysedFlowProperty().get() == editor.flow(), 30, "analysis");
    }

    private ParamField field(String node, String param) {
        return ui.call(() -> inspector.fields(node).stream().filter(f -> f.spec().name().equals(param))
                .findFirst().orElseThrow());
    }

    @Test
    void columnPickersListTheColumnsOfTheInputTheyNameInOrder() throws Exception {
        openSample();
        ParamField columns = field("impute", "columns");
        // the upstream import reads the sample CSV: its header, in file order
        List<String> header = List.of(ChurnGenerator.HEADER.split(","));
        assertEquals(header, columns.columns());
        assertEquals(List.of("satisfaction"), columns.value());
        ParamField strategy = field("impute", "strategy");
        assertEquals("median", strategy.effective());
        // downstream of the formula node, its new column is offered too
        assertTrue(field("drop_id", "columns").columns().contains("tenure_band"));
        assertEquals("", columns.message());
        // the model's column pickers list what reaches it: the engineered features, without the dropped id
        List<String> modelColumns = field("model", "exclude").columns();
        assertTrue(modelColumns.contains("tenure_band") && !modelColumns.contains("customer_id"),
                modelColumns.toString());
    }

    @Test
    void defaultsShowWhenNothingIsSetAndProblemsAreAttachedToTheirParameter() throws Exception {
        openSample();
        ParamField descending = field("encode", "columns");
        assertEquals(List.of("region", "plan"), descending.effective());
        ui.run(() -> inspector.set("impute", "columns", List.of("satisfaction", "no_such_column")));
        ui.await(() -> runs.analysedFlowProperty().get() == editor.flow(), 30, "analysis");
        String message = field("impute", "columns").message();
        assertTrue(message.contains("no_such_column"), message);
        ui.run(() -> editor.undo());
        ui.await(() -> runs.analysedFlowProperty().get() == editor.flow(), 30, "analysis");
        assertEquals("", field("impute", "columns").message());
    }

    @Test
    void numberFieldsParseRangesAndFlowParameterReferences() {
        ParamSpec share = ParamSpec.builder("testShare", ParamType.DECIMAL).range(0.05, 0.9).build();
        assertEquals(0.25, ParamText.parse(share, "0.25").value());
        assertEquals(0.25, ParamText.parse(share, "0,25").value());
        assertEquals("${testShare}", ParamText.parse(share, " ${testShare} ").value());
        assertTrue(ParamText.parse(share, "2").problem().contains("above the maximum 0.9"));
        assertTrue(ParamText.parse(share, "abc").problem().contains("expected a number"));
        assertNull(ParamText.parse(share, "").value());
        ParamSpec rows = ParamSpec.builder("rows", ParamType.INTEGER).range(0.0, null).build();
        assertEquals(1000L, ParamText.parse(rows, "1_000").value());
        assertTrue(ParamText.parse(rows, "1.5").problem().contains("whole number"));
        assertEquals("0 … ", ParamText.range(rows));
        assertEquals("", ParamText.format(null));
    }

    @Test
    void aBadFormulaIsReportedOnItsFieldWithThePositionOfTheProblem() throws Exception {
        openSample();
        ui.run(() -> inspector.set("tenure_band", "formula", "case when tenur_months < 6 then 'new' else 'x' end"));
        ui.await(() -> runs.analysedFlowProperty().get() == editor.flow(), 30, "analysis");
        String message = field("tenure_band", "formula").message();
        assertTrue(message.contains("tenur_months"), message);
        assertEquals(java.util.Optional.of(11), FormulaPosition.of(message), message);
    }

    @Test
    void aModelLoadOffersTheRegistrysReferencesAndADatabaseImportItsTables(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        tech.tablesaw.api.Table rows = new io.tablewise.data.csv.DelimitedReader().read(
                Path.of("projects-sample/customer-churn/data/customers.csv"), io.tablewise.data.csv.CsvOptions.defaults(),
                io.tablewise.node.ProgressMonitor.NONE).table();
        Path model = dir.resolve("model");
        io.tablewise.model.ModelFiles.save(io.tablewise.model.ModelBuilder.build(rows,
                new io.tablewise.model.BuildOptions("churned", null, java.util.List.of("customer_id"), null, 0.2, 42)
                        .withAlgorithm("cart"), io.tablewise.node.ProgressMonitor.NONE), model);
        try (io.tablewise.registry.Registry r = io.tablewise.registry.Registry.open(
                io.tablewise.registry.RegistryLocation.folder(dir.resolve("registry")))) {
            r.register(model, io.tablewise.registry.Registry.Registration.of("churn"));
            r.setAlias(io.tablewise.registry.ModelRef.parse("churn:1"), "champion");
        }
        io.tablewise.data.db.DatabaseWriter.write(rows, new io.tablewise.data.db.ConnectionSpec("s",
                "jdbc:sqlite:" + dir.resolve("shop.db"), null, null), "customers",
                io.tablewise.data.db.DatabaseWriter.Mode.CREATE, io.tablewise.node.ProgressMonitor.NONE);
        Path flowFile = dir.resolve("score.flow");
        java.nio.file.Files.writeString(flowFile, """
                {"format": "tablewise.flow", "formatVersion": 1, "name": "score",
                 "nodes": [
                  {"id": "load", "type": "model.load", "typeVersion": 1,
                   "params": {"model": "churn@champion", "registry": "registry"}},
                  {"id": "read", "type": "data.import.database", "typeVersion": 1,
                   "params": {"connection": "jdbc:sqlite:shop.db", "table": "customers"}},
                  {"id": "ahead", "type": "model.forecast", "typeVersion": 1,
                   "params": {"time": "signup_date", "target": "monthly_fee"}}],
                 "edges": []}
                """);
        var flow = new FlowReader().read(flowFile);
        ui.run(() -> {
            editor = new FlowEditor(NodeRegistry.builtIn());
            editor.load(flow, flowFile, false);
            runs = new RunViewModel(executor, editor, ui);
            inspector = new InspectorViewModel(editor, runs);
        });
        ui.await(() -> runs.analysedFlowProperty().get() == editor.flow(), 30, "analysis");
        assertEquals(java.util.List.of("churn@champion", "churn@latest-approved", "churn:1"),
                field("load", "model").suggestions());
        assertEquals(java.util.List.of("customers"), field("read", "table").suggestions());
        assertTrue(field("read", "query").suggestions().isEmpty());
        assertEquals(java.util.List.of("KR", "US", "none"), field("ahead", "holidays").suggestions());
    }
}
