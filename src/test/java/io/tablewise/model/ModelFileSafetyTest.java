package io.tablewise.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.UnknownFieldSet;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import io.tablewise.node.ProgressMonitor;

/**
 * Model folders are Tablewise's own and model files are data: saving never deletes a folder Tablewise did not
 * write, a crash between the two renames of a save leaves a loadable model, and loading refuses a file that names
 * any class outside Tribuo anywhere inside it, before any class is loaded.
 */
class ModelFileSafetyTest {
    private static final Map<String, TrainedModel> MODELS = new HashMap<>();
    private static Table table;

    @TempDir
    Path dir;

    @BeforeAll
    static void build() throws Exception {
        Random r = new Random(7);
        DoubleColumn x = DoubleColumn.create("x");
        StringColumn g = StringColumn.create("group");
        StringColumn y = StringColumn.create("y");
        for (int i = 0; i < 400; i++) {
            double v = r.nextGaussian();
            String grp = i % 3 == 0 ? "가" : i % 3 == 1 ? "나" : "다";
            x.append(v);
            g.append(grp);
            y.append(v + (grp.equals("가") ? 0.5 : 0) + r.nextGaussian() * 0.5 > 0 ? "yes" : "no");
        }
        table = Table.create("t", x, g, y);
        for (String family : io.tablewise.ml.Learner.IDS) {
            MODELS.put(family, ModelBuilder.build(table, BuildOptions.of("y").withAlgorithm(family),
                    ProgressMonitor.NONE));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"xgboost", "forest", "liblinear", "sgd-linear", "cart", "knn"})
    void everyFamilysOwnFileNamesOnlyAllowedClasses(String family) throws Exception {
        Path folder = dir.resolve("m");
        ModelFiles.save(MODELS.get(family), folder);
        TrainedModel back = ModelFiles.load(folder);
        assertEquals(MODELS.get(family).evaluation().metrics(), back.evaluation().metrics());
    }

    @Test
    void aNestedForeignClassIsRefusedBeforeAnythingIsLoaded() throws Exception {
        Path folder = dir.resolve("m");
        ModelFiles.save(MODELS.get("xgboost"), folder);
        ByteString inner = UnknownFieldSet.newBuilder()
                .addField(1, UnknownFieldSet.Field.newBuilder().addVarint(0).build())
                .addField(2, UnknownFieldSet.Field.newBuilder()
                        .addLengthDelimited(ByteString.copyFromUtf8("java.lang.ProcessImpl")).build())
                .build().toByteString();
        org.tribuo.protos.core.ModelProto crafted = org.tribuo.protos.core.ModelProto.newBuilder()
                .setClassName("org.tribuo.common.xgboost.XGBoostModel").setVersion(0)
                .setSerializedData(Any.newBuilder().setTypeUrl("type.googleapis.com/tribuo.core.ModelDataProto")
                        .setValue(inner).build()).build();
        Files.write(folder.resolve("model.tribuo"), crafted.toByteArray());
        IOException e = assertThrows(IOException.class, () -> ModelFiles.load(folder));
        assertTrue(e.getMessage().contains("java.lang.ProcessImpl") && e.getMessage().contains("does not load"),
                e.getMessage());
    }

    @Test
    void aUserFolderWhereTheModelGoesIsNeverDeletedOrMoved() throws Exception {
        Path folder = dir.resolve("model");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("thesis.txt"), "three years of work");
        IOException e = assertThrows(IOException.class, () -> ModelFiles.save(MODELS.get("cart"), folder));
        assertTrue(e.getMessage().contains(folder.toString()), e.getMessage());
        assertEquals("three years of work", Files.readString(folder.resolve("thesis.txt")));

        Path other = dir.resolve("second");
        ModelFiles.save(MODELS.get("cart"), other.resolve("model"));
        Files.createDirectories(other.resolve("model.bak"));
        Files.writeString(other.resolve("model.bak/notes.txt"), "notes");
        assertThrows(IOException.class, () -> ModelFiles.save(MODELS.get("cart"), other.resolve("model")));
        assertEquals("notes", Files.readString(other.resolve("model.bak/notes.txt")));
        assertTrue(Files.isRegularFile(other.resolve("model/manifest.json")), "the current model is untouched");

        Path added = dir.resolve("third");
        ModelFiles.save(MODELS.get("cart"), added.resolve("model"));
        Files.writeString(added.resolve("model/my-notes.txt"), "mine");
        assertThrows(IOException.class, () -> ModelFiles.save(MODELS.get("cart"), added.resolve("model")));
        assertEquals("mine", Files.readString(added.resolve("model/my-notes.txt")));
    }

    @Test
    void metricsAndReportNotWrittenByTablewiseAreLeftAlone() throws Exception {
        Files.writeString(dir.resolve("metrics.json"), "{\"mine\": true}");
        Files.writeString(dir.resolve("report.html"), "<html>my own report</html>");
        assertThrows(IOException.class, () -> ModelJson.write(MODELS.get("cart"), dir.resolve("metrics.json")));
        assertThrows(IOException.class, () -> ModelReportHtml.write(MODELS.get("cart"), "t",
                dir.resolve("report.html")));
        assertEquals("{\"mine\": true}", Files.readString(dir.resolve("metrics.json")));
        assertEquals("<html>my own report</html>", Files.readString(dir.resolve("report.html")));

        Path own = dir.resolve("own");
        ModelJson.write(MODELS.get("cart"), own.resolve("metrics.json"));
        ModelReportHtml.write(MODELS.get("cart"), "t", own.resolve("report.html"));
        ModelJson.write(MODELS.get("cart"), own.resolve("metrics.json"));
        ModelReportHtml.write(MODELS.get("cart"), "t", own.resolve("report.html"));
        assertTrue(Files.readString(own.resolve("report.html")).contains("generator"));
    }

    @Test
    void aCrashBetweenTheTwoRenamesLeavesALoadableModelAndItsTempIsCleanedNextTime() throws Exception {
        Path folder = dir.resolve("model");
        ModelFiles.save(MODELS.get("xgboost"), folder);
        ModelFiles.save(MODELS.get("xgboost"), folder);
        // the state after the first rename: the old model moved aside, the new one still in its temporary folder
        Files.walk(folder.resolveSibling("model.bak")).sorted(java.util.Comparator.reverseOrder())
                .forEach(p -> p.toFile().delete());
        Files.move(folder, folder.resolveSibling("model.bak"));
        Path temp = dir.resolve(".model.tmp-123456");
        Files.createDirectory(temp);
        Files.copy(folder.resolveSibling("model.bak/manifest.json"), temp.resolve("manifest.json"));
        TrainedModel back = ModelFiles.load(folder);
        assertEquals(MODELS.get("xgboost").evaluation().metrics(), back.evaluation().metrics());
        ModelFiles.save(MODELS.get("xgboost"), folder);
        assertFalse(Files.exists(temp), "the crashed save's temporary folder is gone");
        assertTrue(Files.isRegularFile(folder.resolve("model.tribuo")));
    }

    @Test
    void aByteFlippedInTheModelOrAPredictiveManifestFieldIsFoundAtLoad() throws Exception {
        Path folder = dir.resolve("m");
        ModelFiles.save(MODELS.get("xgboost"), folder);
        byte[] original = Files.readAllBytes(folder.resolve("model.tribuo"));
        Random r = new Random(40);
        for (int i = 0; i < 40; i++) {
            byte[] flipped = original.clone();
            int at = r.nextInt(flipped.length);
            flipped[at] ^= (byte) (1 << r.nextInt(8));
            Files.write(folder.resolve("model.tribuo"), flipped);
            assertThrows(IOException.class, () -> ModelFiles.load(folder), "byte " + at + " flipped");
        }
        Files.write(folder.resolve("model.tribuo"), original);
        ModelFiles.load(folder);
        String manifest = Files.readString(folder.resolve("manifest.json"));
        Files.writeString(folder.resolve("manifest.json"), manifest.replaceFirst("\"threshold\" : [0-9.E-]+",
                "\"threshold\" : 0.01"));
        IOException e = assertThrows(IOException.class, () -> ModelFiles.load(folder));
        assertTrue(e.getMessage().contains("changed after Tablewise saved it"), e.getMessage());
        Files.writeString(folder.resolve("manifest.json"), manifest.replace("\"testMetrics\"", "\"note\" : \"mine\",\n"
                + "  \"testMetrics\""));
        ModelFiles.load(folder); // a field that does not decide predictions may be annotated
    }

    @Test
    void aManifestWithoutItsHashMustStillAgreeWithItself() throws Exception {
        Path folder = dir.resolve("old");
        ModelFiles.save(MODELS.get("liblinear"), folder);
        // as a model saved before content hashes: no hash to check, so the fields are checked against each other
        String manifest = Files.readString(folder.resolve("manifest.json"))
                .replaceFirst(",\\s*\"contentHash\" : \"[^\"]*\"", "");
        Files.writeString(folder.resolve("manifest.json"), manifest);
        ModelFiles.load(folder);
        String[][] breaks = {
            {"\"threshold\" : [0-9.E-]+", "\"threshold\" : 1.5", "threshold"},
            {"\"problemType\" : \"binary\"", "\"problemType\" : \"regression\"", "classes"},
            {"\"target\" : \"y\"", "\"target\" : \"x\"", "target"},
        };
        for (String[] b : breaks) {
            String broken = manifest.replaceFirst(b[0], b[1]);
            assertFalse(broken.equals(manifest), b[0]);
            Files.writeString(folder.resolve("manifest.json"), broken);
            IOException e = assertThrows(IOException.class, () -> ModelFiles.load(folder), b[1]);
            assertTrue(e.getMessage().contains("is damaged") && e.getMessage().contains(b[2]), e.getMessage());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"xgboost", "forest", "liblinear", "sgd-linear", "cart", "knn"})
    void theSameDataSettingsAndSeedGiveByteIdenticalModelFolders(String family) throws Exception {
        Path[] folders = {dir.resolve("a"), dir.resolve("b")};
        for (Path folder : folders) {
            // built again (not the shared model): no time, host or random id may reach the files
            ModelFiles.save(ModelBuilder.build(table, BuildOptions.of("y").withAlgorithm(family),
                    ProgressMonitor.NONE), folder);
        }
        try (var files = Files.list(folders[0])) {
            for (Path f : files.toList()) {
                assertTrue(java.util.Arrays.equals(Files.readAllBytes(f),
                        Files.readAllBytes(folders[1].resolve(f.getFileName()))), family + ": " + f.getFileName());
            }
        }
    }
}
