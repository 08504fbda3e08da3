package io.tablewise.engine;

import static io.tablewise.engine.Flows.flow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tablewise.flow.Flow;
import io.tablewise.node.NodeMessage;

class FlowValidatorTest {
    @TempDir
    Path dir;

    private ValidationReport validate(Flow flow) {
        return new FlowValidator(TestNodes.registry()).validate(flow, dir, flow.parameters());
    }

    private static NodeMessage onlyError(ValidationReport report) {
        List<NodeMessage> errors = report.errors();
        assertEquals(1, errors.size(), () -> "expected one error, got " + errors);
        return errors.get(0);
    }

    @Test
    void aWellFormedFlowIsValidAndHasSchemas() {
        ValidationReport report = validate(flow().node("a", "test.source").node("b", "test.pass").edge("a", "b")
                .build());
        assertTrue(report.isValid(), report.messages()::toString);
        assertEquals(List.of("n", "label"), report.schemas().get("b").get("table").names());
    }

    @Test
    void unknownNodeTypeIsReportedWithASuggestionAndTheRestStillValidates() {
        ValidationReport report = validate(flow().node("a", "test.sourse").node("b", "test.source").build());
        NodeMessage m = onlyError(report);
        assertEquals("a", m.nodeId());
        assertTrue(m.text().contains("unknown node type 'test.sourse'"), m.text());
        assertTrue(m.text().contains("did you mean 'test.source'"), m.text());
        assertTrue(report.schemas().containsKey("b"));
    }

    @Test
    void cycleIsReportedWithItsPath() {
        NodeMessage m = onlyError(validate(flow().node("a", "test.pass").node("b", "test.pass")
                .edge("a", "b").edge("b", "a").build()));
        assertTrue(m.text().contains("cycle"), m.text());
        assertTrue(m.text().contains("a -> b -> a") || m.text().contains("b -> a -> b"), m.text());
    }

    @Test
    void unconnectedRequiredInputIsReported() {
        NodeMessage m = onlyError(validate(flow().node("b", "test.pass").build()));
        assertEquals("b", m.nodeId());
        assertTrue(m.text().contains("input 'table' is not connected"), m.text());
    }

    @Test
    void optionalInputMayStayUnconnected() {
        assertTrue(validate(flow().node("f", "test.fail").build()).isValid());
    }

    @Test
    void portTypeMismatchNamesBothTypes() {
        NodeMessage m = onlyError(validate(flow().node("a", "test.source").node("r", "test.report")
                .node("b", "test.pass").edge("a", "r").edge("r", "report", "b", "table").build()));
        assertEquals("b", m.nodeId());
        assertTrue(m.text().contains("takes a Table") && m.text().contains("gives a Report"), m.text());
    }

    @Test
    void edgeToUnknownPortSuggestsTheRealOne() {
        NodeMessage m = onlyError(validate(flow().node("a", "test.source").node("b", "test.pass")
                .edge("a", "tabel", "b", "table").build()));
        assertTrue(m.text().contains("no output port 'tabel'") && m.text().contains("did you mean 'table'"), m.text());
    }

    @Test
    void wrongParameterTypeNamesNodeAndParameter() {
        NodeMessage m = onlyError(validate(flow().node("a", "test.source", "rows", "many").build()));
        assertEquals("a", m.nodeId());
        assertEquals("rows", m.param());
        assertTrue(m.text().contains("expected a whole number but got \"many\""), m.text());
    }

    @Test
    void outOfBoundsValueIsReported() {
        NodeMessage m = onlyError(validate(flow().node("a", "test.source", "rows", 5000L).build()));
        assertEquals("rows", m.param());
        assertEquals("5000 is above the maximum 1000", m.text());
    }

    @Test
    void missingColumnGetsADidYouMean() {
        NodeMessage m = onlyError(validate(flow().node("a", "test.source").node("p", "test.pick", "column", "lable")
                .edge("a", "p").build()));
        assertEquals("p", m.nodeId());
        assertEquals("column", m.param());
        assertEquals("column 'lable' does not exist in the input (did you mean 'label'?)", m.text());
    }

    @Test
    void missingDataFileIsReportedWithWhereItWasLookedFor() {
        NodeMessage m = onlyError(validate(flow().node("in", "data.import.csv", "path", "data/nope.csv").build()));
        assertEquals("in", m.nodeId());
        assertEquals("path", m.param());
        assertTrue(m.text().contains("data file 'data/nope.csv' not found"), m.text());
        assertTrue(m.text().contains(dir.resolve("data/nope.csv").toString()), m.text());
    }

    @Test
    void requiredParameterWithoutValueIsReported() {
        NodeMessage m = onlyError(validate(flow().node("in", "data.import.csv").build()));
        assertEquals("path", m.param());
        assertEquals("a value is required", m.text());
    }

    @Test
    void referenceToUndeclaredFlowParameterIsReported() {
        NodeMessage m = onlyError(validate(flow().param("input", "a.csv")
                .node("in", "data.import.csv", "path", "${inptu}").build()));
        assertTrue(m.text().contains("'${inptu}'") && m.text().contains("did you mean 'input'"), m.text());
    }

    @Test
    void flowParameterIsSubstitutedWithItsTypeBeforeChecks() throws Exception {
        Files.writeString(dir.resolve("x.csv"), "a,b\n1,2\n");
        Flow f = flow().param("file", "x.csv").param("n", 7L).node("in", "data.import.csv", "path", "${file}")
                .node("s", "test.source", "rows", "${n}").build();
        ValidationReport report = validate(f);
        assertTrue(report.isValid(), report.messages()::toString);
        assertEquals(7L, report.params().get("s").get("rows"));
        assertEquals(List.of("a", "b"), report.schemas().get("in").get("table").names());
    }

    @Test
    void unknownParameterNameIsAWarningNotAnError() {
        ValidationReport report = validate(flow().node("a", "test.source", "rowz", 3L).build());
        assertTrue(report.isValid());
        assertEquals(1, report.messages().size());
        assertTrue(report.messages().get(0).text().contains("did you mean 'rows'"));
    }

    @Test
    void nodeSpecificCheckInConfigureNamesTheParameter() throws Exception {
        Files.writeString(dir.resolve("x.csv"), "a\n1\n");
        NodeMessage m = onlyError(validate(flow().node("in", "data.import.csv", "path", "x.csv")
                .node("out", "data.export.excel", "path", "x.xlsx", "sheet", "2024/Q1").edge("in", "out").build()));
        assertEquals("out", m.nodeId());
        assertEquals("sheet", m.param());
        assertTrue(m.text().startsWith("'2024/Q1' is not a valid Excel sheet name"), m.text());
    }

    @Test
    void twoEdgesIntoOneInputAreRejected() {
        ValidationReport report = validate(flow().node("a", "test.source").node("b", "test.source")
                .node("c", "test.pass").edge("a", "c").edge("b", "c").build());
        assertFalse(report.isValid());
        assertTrue(report.errors().get(0).text().contains("more than one incoming edge"));
    }

    @Test
    void overrideOfUnknownParameterIsRejected() {
        Flow f = flow().param("input", "a.csv").build();
        InvalidParameterException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidParameterException.class,
                () -> ParameterResolver.effectiveParameters(f, Map.of("inptu", "b.csv")));
        assertTrue(e.getMessage().contains("no parameter 'inptu'"));
    }
}
