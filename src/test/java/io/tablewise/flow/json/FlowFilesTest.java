package io.tablewise.flow.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import io.tablewise.flow.Flow;
import io.tablewise.flow.NodeInstance;
import io.tablewise.io.AtomicFiles;

class FlowFilesTest {
    @TempDir
    Path dir;

    static Stream<Path> goldenFlows() throws IOException {
        Stream<Path> golden = Files.list(Path.of("src/test/resources/golden"));
        Stream<Path> samples = Files.walk(Path.of("projects-sample"), 2);
        return Stream.concat(golden, samples).filter(p -> p.toString().endsWith(".flow")).sorted();
    }

    @ParameterizedTest
    @MethodSource("goldenFlows")
    void goldenFlowLoadsAndSavesByteIdentical(Path file) throws Exception {
        String original = Files.readString(file, StandardCharsets.UTF_8);
        Flow flow = new FlowReader().read(file);
        assertEquals(original, new FlowWriter().toJson(flow));
    }

    @ParameterizedTest
    @MethodSource("goldenFlows")
    void goldenFlowConformsToThePublishedSchema(Path file) throws Exception {
        JsonSchema schema;
        try (InputStream in = FlowFormat.class.getResourceAsStream("flow-v1.schema.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
        Set<ValidationMessage> problems = schema.validate(new ObjectMapper().readTree(file.toFile()));
        assertEquals(Set.of(), problems);
    }

    @Test
    void schemaRejectsWhatTheReaderRejects() throws Exception {
        JsonSchema schema;
        try (InputStream in = FlowFormat.class.getResourceAsStream("flow-v1.schema.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
        JsonNode bad = new ObjectMapper().readTree("{\"format\":\"tablewise.flow\",\"formatVersion\":1,"
                + "\"nodes\":[{\"id\":\"a\",\"type\":\"t\",\"colour\":\"red\"}],\"edges\":[]}");
        assertFalse(schema.validate(bad).isEmpty());
    }

    @Test
    void unknownNodeTypeLoadsAsItWasAndIsKeptOnSave() throws Exception {
        Path file = Path.of("src/test/resources/golden/unknown-node.flow");
        Flow flow = new FlowReader().read(file);
        NodeInstance future = flow.node("future").orElseThrow();
        assertEquals("ml.quantum.forest", future.type());
        assertEquals(3, future.typeVersion());
        assertEquals(64L, future.params().get("qubits"));
    }

    @Test
    void nodeParametersAreWrittenSortedWhateverTheEditOrder() {
        Flow a = Flow.empty("x").withNode(new NodeInstance("n", "t", 1, "n", java.util.Map.of(), null)
                .withParam("zeta", 1L).withParam("alpha", 2L));
        Flow b = Flow.empty("x").withNode(new NodeInstance("n", "t", 1, "n", java.util.Map.of(), null)
                .withParam("alpha", 2L).withParam("zeta", 1L));
        assertEquals(new FlowWriter().toJson(a), new FlowWriter().toJson(b));
    }

    @Test
    void saveIsAtomicAndKeepsOneBackup() throws Exception {
        Path file = dir.resolve("p.flow");
        FlowWriter writer = new FlowWriter();
        writer.save(Flow.empty("first"), file);
        writer.save(Flow.empty("second"), file);
        writer.save(Flow.empty("third"), file);
        assertEquals("third", new FlowReader().read(file).name());
        assertEquals("second", new FlowReader().read(AtomicFiles.backupOf(file)).name());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(Set.of("p.flow", "p.flow.bak"), files.map(p -> p.getFileName().toString())
                    .collect(java.util.stream.Collectors.toSet()));
        }
    }

    @Test
    void savedFilesKeepTheUsualPermissions() throws Exception {
        Path file = dir.resolve("p.flow");
        new FlowWriter().save(Flow.empty("first"), file);
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.getFileAttributeView(file,
                java.nio.file.attribute.PosixFileAttributeView.class) != null, "POSIX permissions only");
        Path plain = Files.writeString(dir.resolve("plain.txt"), "made the ordinary way");
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(file));
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw-r--"));
        new FlowWriter().save(Flow.empty("second"), file);
        assertEquals("rw-rw-r--", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(file)));
    }

    @Test
    void failedSaveLeavesThePreviousFileIntact() throws Exception {
        Path file = dir.resolve("p.flow");
        new FlowWriter().save(Flow.empty("good"), file);
        assertThrows(IOException.class, () -> AtomicFiles.write(file, out -> {
            out.write("{\"partial".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }, true));
        assertEquals("good", new FlowReader().read(file).name());
        try (Stream<Path> files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")));
        }
    }

    private static FlowFormatException readError(String json) {
        return assertThrows(FlowFormatException.class, () -> new FlowReader().read(json, "broken.flow"));
    }

    @Test
    void syntaxErrorNamesLineAndColumn() {
        FlowFormatException e = readError("{\n  \"format\": \"tablewise.flow\",\n  \"nodes\": [,]\n}");
        assertEquals("broken.flow", e.file());
        assertTrue(e.location().startsWith("line 3, column"), e.location());
    }

    @Test
    void otherJsonIsNotTakenForAFlow() {
        assertTrue(readError("{\"hello\": 1}").getMessage().contains("not a Tablewise flow file"));
        assertTrue(readError("[1, 2]").getMessage().contains("must be a JSON object"));
    }

    @Test
    void newerFormatIsRefusedWithAnUpdateHint() {
        FlowFormatException e = readError("{\"format\":\"tablewise.flow\",\"formatVersion\":7}");
        assertEquals("formatVersion", e.location());
        assertTrue(e.getMessage().contains("newer Tablewise") && e.getMessage().contains("Update"), e.getMessage());
    }

    @Test
    void problemsInsideNodesCarryTheirJsonPath() {
        String head = "{\"format\":\"tablewise.flow\",\"formatVersion\":1,\"nodes\":[{\"id\":\"a\",\"type\":\"t\"},";
        assertEquals("nodes[1].type", readError(head + "{\"id\":\"b\"}]}").location());
        assertEquals("nodes[1].id", readError(head + "{\"id\":\"a\",\"type\":\"t\"}]}").location());
        assertEquals("nodes[1].colour", readError(head + "{\"id\":\"b\",\"type\":\"t\",\"colour\":1}]}").location());
        assertEquals("nodes[1].ui.y", readError(head + "{\"id\":\"b\",\"type\":\"t\",\"ui\":{\"x\":1}}]}").location());
        assertEquals("edges[0].to", readError("{\"format\":\"tablewise.flow\",\"formatVersion\":1,\"edges\":"
                + "[{\"from\":{\"node\":\"a\",\"port\":\"p\"}}]}").location());
    }

    @Test
    void migrationHookRewritesOlderVersionsStepByStep() throws Exception {
        // A pretend history: version 1 called the parameters "settings"; version 2 renamed them.
        FlowMigration oneToTwo = new FlowMigration() {
            @Override
            public int fromVersion() {
                return 1;
            }

            @Override
            public ObjectNode migrate(ObjectNode document) {
                for (JsonNode node : document.withArray("nodes")) {
                    ObjectNode n = (ObjectNode) node;
                    n.set("params", n.remove("settings"));
                }
                return document;
            }
        };
        String v1 = "{\"format\":\"tablewise.flow\",\"formatVersion\":1,\"nodes\":[{\"id\":\"a\",\"type\":\"t\","
                + "\"settings\":{\"k\":5}}],\"edges\":[]}";
        Flow flow = new FlowReader(List.of(oneToTwo), 2).read(v1, "old.flow");
        assertEquals(5L, flow.node("a").orElseThrow().params().get("k"));
        FlowFormatException gap = assertThrows(FlowFormatException.class,
                () -> new FlowReader(List.of(), 2).read(v1, "old.flow"));
        assertTrue(gap.getMessage().contains("not supported"));
    }

    @Test
    void missingFileIsReportedByName() {
        FlowFormatException e = assertThrows(FlowFormatException.class,
                () -> new FlowReader().read(dir.resolve("nope.flow")));
        assertTrue(e.getMessage().contains("nope.flow") && e.getMessage().contains("does not exist"));
    }
}
