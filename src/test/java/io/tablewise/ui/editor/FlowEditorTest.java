package io.tablewise.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.tablewise.flow.Edge;
import io.tablewise.flow.Flow;
import io.tablewise.flow.NodeInstance;
import io.tablewise.flow.UiPosition;
import io.tablewise.flow.json.FlowReader;
import io.tablewise.flow.json.FlowWriter;
import io.tablewise.node.registry.NodeRegistry;

class FlowEditorTest {
    private static final NodeRegistry REGISTRY = NodeRegistry.builtIn();
    private static final Path SAMPLE = Path.of("projects-sample/customer-churn/customer-churn.flow");
    private final FlowEditor editor = new FlowEditor(REGISTRY);
    private final FlowWriter writer = new FlowWriter();

    @Test
    void addingANodeSnapsItToTheGridGivesAReadableIdAndSelectsIt() {
        String id = editor.addNode("data.import.csv", 107, 52);
        NodeInstance n = editor.flow().node(id).orElseThrow();
        assertEquals("import_csv_text", id);
        assertEquals(new UiPosition(100, 60), n.ui());
        assertEquals("Import CSV / text", n.label());
        assertEquals(List.of(id), List.copyOf(editor.selection()));
        assertEquals("import_csv_text_2", editor.addNode("data.import.csv", 0, 0));
    }

    @Test
    void doubleClickAddsBesideTheSelectionAndConnectsTheFirstCompatiblePorts() {
        String source = editor.addNode("data.import.csv", 0, 0);
        String sort = editor.addNodeConnected("transform.rows.sort");
        assertEquals(List.of(Edge.of(source, "table", sort, "table")), editor.flow().edges());
        assertEquals(220, editor.flow().node(sort).orElseThrow().ui().x());
        editor.undo();
        assertTrue(editor.flow().node(sort).isEmpty());
        assertTrue(editor.flow().edges().isEmpty());
    }

    @Test
    void repeatedDoubleClicksWithTheSameSelectionStackCardsInFreePlaces() {
        String source = editor.addNode("data.import.csv", 0, 0);
        java.util.Set<UiPosition> places = new java.util.HashSet<>();
        for (int i = 0; i < 3; i++) {
            editor.select(source, false);
            String added = editor.addNodeConnected("transform.rows.sort");
            places.add(editor.flow().node(added).orElseThrow().ui());
        }
        assertEquals(3, places.size(), "three cards in three places: " + places);
        List<UiPosition> all = editor.flow().nodes().stream().map(NodeInstance::ui).toList();
        for (UiPosition a : all) {
            assertEquals(1, all.stream().filter(b -> Math.abs(a.x() - b.x()) < 180 && Math.abs(a.y() - b.y()) < 60)
                    .count(), "no card overlaps another: " + all);
        }
    }

    @Test
    void tidyLayoutPutsEachNodeRightOfItsInputsWithoutOverlapsAsOneUndoableStep() {
        String source = editor.addNode("data.import.csv", 600, 600);
        String sort = editor.addNode("transform.rows.sort", 0, 0);
        String insights = editor.addNode("insights.report", 600, 0);
        String export = editor.addNode("data.export.csv", 0, 300);
        editor.connect(Edge.of(source, "table", sort, "table"));
        editor.connect(Edge.of(source, "table", insights, "table"));
        editor.connect(Edge.of(sort, "table", export, "table"));
        Map<String, UiPosition> before = new java.util.HashMap<>();
        editor.flow().nodes().forEach(n -> before.put(n.id(), n.ui()));
        editor.selectAll();
        editor.tidy();
        java.util.function.Function<String, UiPosition> at = id -> editor.flow().node(id).orElseThrow().ui();
        for (Edge e : editor.flow().edges()) {
            assertTrue(at.apply(e.from().node()).x() < at.apply(e.to().node()).x(), "left to right: " + e);
        }
        assertEquals(at.apply(sort).x(), at.apply(insights).x(), "the same depth, the same column");
        List<UiPosition> all = editor.flow().nodes().stream().map(NodeInstance::ui).toList();
        for (UiPosition a : all) {
            assertEquals(1, all.stream().filter(b -> Math.abs(a.x() - b.x()) < 200 && Math.abs(a.y() - b.y()) < 100)
                    .count(), "no card overlaps another: " + all);
        }
        editor.undo();
        editor.flow().nodes().forEach(n -> assertEquals(before.get(n.id()), n.ui(), "one undo restores " + n.id()));
    }

    @Test
    void connectionsOfTheWrongTypeLoopsAndSelfEdgesAreRefusedWithAReason() {
        String a = editor.addNode("data.import.csv", 0, 0);
        String sort = editor.addNode("transform.rows.sort", 200, 0);
        String insights = editor.addNode("insights.report", 400, 0);
        String export = editor.addNode("insights.export", 600, 0);
        assertEquals(Optional.empty(), editor.connect(Edge.of(a, "table", sort, "table")));
        Optional<String> wrongType = editor.connect(Edge.of(sort, "table", export, "report"));
        assertTrue(wrongType.orElseThrow().contains("Table output cannot go into a Insights report input"),
                wrongType.toString());
        String sort2 = editor.addNode("transform.rows.sort", 200, 200);
        editor.connect(Edge.of(sort, "table", sort2, "table"));
        assertTrue(editor.connect(Edge.of(sort2, "table", sort, "table")).orElseThrow().contains("loop"));
        assertTrue(editor.connect(Edge.of(sort, "table", sort, "table")).isPresent());
        assertEquals(2, editor.flow().edges().size());
        assertTrue(editor.flow().node(insights).isPresent());
    }

    @Test
    void connectingAnOccupiedInputReplacesItsEdgeAndUndoPutsTheOldOneBackInPlace() {
        String a = editor.addNode("data.import.csv", 0, 0);
        String b = editor.addNode("data.import.csv", 0, 200);
        String sort = editor.addNode("transform.rows.sort", 300, 0);
        String drop = editor.addNode("transform.columns.drop", 300, 200);
        editor.connect(Edge.of(a, "table", sort, "table"));
        editor.connect(Edge.of(a, "table", drop, "table"));
        List<Edge> before = editor.flow().edges();
        editor.connect(Edge.of(b, "table", sort, "table"));
        assertEquals(List.of(Edge.of(a, "table", drop, "table"), Edge.of(b, "table", sort, "table")),
                editor.flow().edges());
        editor.undo();
        assertEquals(before, editor.flow().edges());
    }

    @Test
    void everyEditUndoesAndRedoesAndAFullUndoGivesTheSameBytesAsTheOpenedFile() throws Exception {
        Flow original = new FlowReader().read(SAMPLE);
        editor.load(original, SAMPLE, false);
        String bytes = writer.toJson(original);
        assertFalse(editor.dirtyProperty().get());

        String added = editor.addNode("transform.rows.sort", 400, 900);
        editor.connect(Edge.of("impute", "table", added, "table"));
        editor.setParam(added, "columns", List.of("tenure_months"));
        editor.rename(added, "Sorted by tenure");
        editor.select("import", false);
        UiPosition was = editor.flow().node("import").orElseThrow().ui();
        editor.moveNodes(Map.of("import", was), Map.of("import", new UiPosition(203, 317)));
        editor.selectOnly(List.of("tenure_band", "drop_id"));
        editor.deleteSelection();
        assertTrue(editor.dirtyProperty().get());
        Flow edited = editor.flow();
        assertTrue(edited.node("tenure_band").isEmpty());
        assertEquals(new UiPosition(200, 320), edited.node("import").orElseThrow().ui());
        assertEquals("Sorted by tenure", edited.node(added).orElseThrow().label());

        int steps = 0;
        while (editor.canUndoProperty().get()) {
            editor.undo();
            steps++;
        }
        assertEquals(6, steps);
        assertEquals(bytes, writer.toJson(editor.flow()));
        assertFalse(editor.dirtyProperty().get());

        while (editor.canRedoProperty().get()) {
            editor.redo();
        }
        assertEquals(writer.toJson(edited), writer.toJson(editor.flow()));
        assertTrue(editor.dirtyProperty().get());
    }

    @Test
    void keystrokesInOneFieldUndoAsOneStepUntilTheFieldIsLeft() {
        String id = editor.addNode("transform.rows.sample", 0, 0);
        editor.setParam(id, "rows", 1L);
        editor.setParam(id, "rows", 12L);
        editor.setParam(id, "rows", 120L);
        editor.endParamEdit();
        editor.setParam(id, "rows", 1200L);
        editor.undo();
        assertEquals(120L, editor.flow().node(id).orElseThrow().params().get("rows"));
        editor.undo();
        assertEquals(null, editor.flow().node(id).orElseThrow().params().get("rows"));
        assertEquals("Add Sample rows", editor.undoTextProperty().get());
    }

    @Test
    void savingMarksCleanAndUndoingPastTheSaveMarksDirtyAgain() {
        editor.addNode("data.import.csv", 0, 0);
        editor.markSaved(Path.of("x.flow"));
        assertFalse(editor.dirtyProperty().get());
        editor.undo();
        assertTrue(editor.dirtyProperty().get());
        editor.redo();
        assertFalse(editor.dirtyProperty().get());
        editor.undo();
        editor.addNode("transform.rows.sort", 0, 0);
        assertTrue(editor.dirtyProperty().get(), "the saved state can no longer be reached");
    }

    @Test
    void copiedNodesPasteWithFreshIdsTheirInnerEdgesAndAnOffset() {
        String a = editor.addNode("data.import.csv", 0, 0);
        editor.setParam(a, "path", "data/x.csv");
        String b = editor.addNodeConnected("transform.rows.sort");
        editor.selectOnly(List.of(a, b));
        String clip = editor.copySelection().orElseThrow();
        assertTrue(editor.paste(clip));
        Flow f = editor.flow();
        assertEquals(4, f.nodes().size());
        NodeInstance pastedImport = f.nodes().get(2);
        assertNotEquals(a, pastedImport.id());
        assertEquals("data/x.csv", pastedImport.params().get("path"));
        assertEquals(new UiPosition(40, 40), pastedImport.ui());
        assertEquals(Edge.of(pastedImport.id(), "table", f.nodes().get(3).id(), "table"), f.edges().get(1));
        assertEquals(2, editor.selection().size());
        assertFalse(editor.paste("not a flow"));
        editor.undo();
        assertEquals(2, editor.flow().nodes().size());
    }

    @Test
    void deletingASelectedEdgeKeepsItsNodes() {
        String a = editor.addNode("data.import.csv", 0, 0);
        String b = editor.addNodeConnected("transform.rows.sort");
        Edge e = editor.flow().edges().get(0);
        editor.selectEdge(e);
        editor.deleteSelection();
        assertTrue(editor.flow().edges().isEmpty());
        assertEquals(2, editor.flow().nodes().size());
        editor.undo();
        assertEquals(List.of(e), editor.flow().edges());
        assertTrue(editor.flow().node(a).isPresent() && editor.flow().node(b).isPresent());
    }

    @Test
    void unknownNodeTypesSurviveEditsAndSaveUnchanged() throws Exception {
        String json = writer.toJson(new Flow("f", "", Map.of(), List.of(
                new NodeInstance("future", "future.node.kind", 3, "From the future", Map.of("k", List.of(1L, "x")),
                        new UiPosition(0, 0))), List.of()));
        editor.load(new FlowReader().read(json, "f.flow"), null, false);
        String id = editor.addNode("data.import.csv", 300, 0);
        editor.selectOnly(List.of(id));
        editor.deleteSelection();
        assertEquals(json, writer.toJson(editor.flow()));
        assertTrue(editor.descriptor("future").isEmpty());
    }

    @Test
    void idsAreSlugsOfTheNameAndKeepKoreanLetters() {
        assertEquals("고객_데이터", NodeIds.slug("고객 데이터"));
        assertEquals("import_csv_text", NodeIds.slug("Import CSV / text"));
        assertEquals("node", NodeIds.slug("***"));
    }
}
