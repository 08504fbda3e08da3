package io.tablewise.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tech.tablesaw.api.Table;

import io.tablewise.data.csv.CsvOptions;
import io.tablewise.data.csv.DelimitedReader;
import io.tablewise.model.BuildOptions;
import io.tablewise.model.ModelBuilder;
import io.tablewise.model.ModelFiles;
import io.tablewise.model.Predictor;
import io.tablewise.model.TrainedModel;
import io.tablewise.node.ProgressMonitor;
import io.tablewise.sample.ChurnGenerator;

/**
 * What every registry store must do, run against SQLite and a real PostgreSQL server by the subclasses: versions,
 * approval history, aliases, references, lineage, export, and each bad input with its message and kind.
 */
abstract class RegistryContract {
    @TempDir
    Path dir;

    Table rows;
    Path model1;
    Path model2;

    /** A fresh, empty registry of the store under test. */
    abstract Registry openFresh() throws Exception;

    @BeforeEach
    void twoModels() throws Exception {
        Path csv = dir.resolve("customers.csv");
        ChurnGenerator.write(csv, 600, 5);
        rows = new DelimitedReader().read(csv, CsvOptions.defaults(), ProgressMonitor.NONE).table();
        model1 = dir.resolve("m1/model");
        model2 = dir.resolve("m2/model");
        ModelFiles.save(ModelBuilder.build(rows, new BuildOptions("churned", null, List.of("customer_id"), null, 0.2,
                1).withAlgorithm("liblinear"), ProgressMonitor.NONE), model1);
        ModelFiles.save(ModelBuilder.build(rows, new BuildOptions("churned", null, List.of("customer_id"), null, 0.2,
                2).withAlgorithm("cart"), ProgressMonitor.NONE), model2);
    }

    @Test
    void versionsAreFoundByTheRunThatBuiltThem() throws Exception {
        try (Registry r = openFresh()) {
            for (Path m : List.of(model1, model2)) {
                r.register(m, new Registry.Registration("churn", "", List.of(), "pending", null,
                        "{\"runId\": \"20261203-1\"}", null));
            }
            r.register(model1, new Registry.Registration("other", "", List.of(), "pending", null, null, null));
            assertEquals(java.util.Map.of("20261203-1", List.of("churn:1", "churn:2")), r.versionsByRun());
        }
    }

    @Test
    void versionsApprovalsAliasesAndReferences() throws Exception {
        try (Registry r = openFresh()) {
            assertEquals(List.of(), r.groups());
            ModelVersion v1 = r.register(model1, new Registry.Registration("고객이탈", "first", List.of("q4"),
                    "pending", null, "{\"node\": \"m\"}", "{\"format\": \"tablewise.flow\"}"));
            assertEquals(1, v1.version());
            assertEquals("pending", v1.status());
            TrainedModel built = ModelFiles.load(model1);
            assertEquals(built.evaluation().metrics().get("auc"), v1.metrics().get("auc"), 0);
            assertEquals(built.inputs().stream().map(c -> c.name()).toList(),
                    v1.inputs().stream().map(c -> c.get("name")).toList());
            assertEquals(List.of("q4"), v1.tags());
            assertEquals("liblinear", v1.settings().get("algorithm"));

            ModelVersion v2 = r.register(model2, Registry.Registration.of("고객이탈"));
            assertEquals(2, v2.version());
            assertEquals(List.of("고객이탈"), r.groups());
            assertEquals(List.of(2, 1), r.versions("고객이탈").stream().map(ModelVersion::version).toList());

            r.setAlias(ModelRef.parse("고객이탈:2"), "champion");
            assertEquals(2, r.version(ModelRef.parse("고객이탈@champion")).version());
            r.setAlias(ModelRef.parse("고객이탈:1"), "champion"); // an alias moves: one version per alias
            assertEquals(1, r.version(ModelRef.parse("고객이탈@champion")).version());
            assertEquals(List.of(), r.version(ModelRef.parse("고객이탈:2")).aliases());
            assertEquals(2, r.version(ModelRef.parse("고객이탈@latest")).version());

            RegistryException none = assertThrows(RegistryException.class,
                    () -> r.version(ModelRef.parse("고객이탈@latest-approved")));
            assertTrue(none.isUsage());
            assertTrue(none.getMessage().contains("has no approved version"), none.getMessage());
            r.setStatus(ModelRef.parse("고객이탈:1"), "approved", "checked on March data");
            assertEquals(1, r.version(ModelRef.parse("고객이탈@latest-approved")).version());
            r.setStatus(ModelRef.parse("고객이탈:2"), "approved", "");
            r.setAlias(ModelRef.parse("고객이탈:2"), "challenger");
            r.setStatus(ModelRef.parse("고객이탈:2"), "rejected", "worse recall");
            assertEquals(List.of(), r.version(ModelRef.parse("고객이탈:2")).aliases(),
                    "a rejected version serves not");
            assertEquals(1, r.version(ModelRef.parse("고객이탈@latest-approved")).version());
            List<Approval> history = r.history(ModelRef.parse("고객이탈:2"));
            assertEquals(List.of("pending", "approved", "rejected"), history.stream().map(Approval::status).toList());
            assertEquals("worse recall", history.get(2).comment());
            assertEquals(System.getProperty("user.name"), history.get(2).by());

            RegistryException rejected = assertThrows(RegistryException.class,
                    () -> r.setAlias(ModelRef.parse("고객이탈:2"), "champion"));
            assertTrue(rejected.isUsage());
            assertTrue(rejected.getMessage().contains("is rejected"), rejected.getMessage());

            VersionLineage lineage = r.lineage(ModelRef.parse("고객이탈:1"));
            assertEquals("{\"node\": \"m\"}", lineage.runRecord());
            assertEquals("{\"format\": \"tablewise.flow\"}", lineage.flow());
            assertEquals(built.info().get("dataFingerprint"), lineage.version().dataFingerprint());

            // the loaded model predicts exactly as the folder that was registered
            TrainedModel loaded = r.load(ModelRef.parse("고객이탈@champion"));
            assertArrayEquals(probabilities(built), probabilities(loaded), 0);
        }
    }

    @Test
    void unknownNamesAreRefusedNamingTheRegistryAndTheReference() throws Exception {
        try (Registry r = openFresh()) {
            r.register(model1, Registry.Registration.of("churn"));
            for (String ref : List.of("churn:7", "churn@champion", "sales:1")) {
                RegistryException e = assertThrows(RegistryException.class, () -> r.version(ModelRef.parse(ref)));
                assertTrue(e.isUsage(), ref);
                assertTrue(e.getMessage().contains(r.location().toString()), e.getMessage());
            }
            assertTrue(assertThrows(RegistryException.class, () -> r.version(ModelRef.parse("sales:1"))).getMessage()
                    .contains("no model group 'sales'; its groups: churn"));
            assertTrue(assertThrows(RegistryException.class, () -> r.register(model1,
                    Registry.Registration.of("bad name!"))).getMessage().contains("not a valid group name"));
            assertTrue(assertThrows(RegistryException.class, () -> r.register(dir.resolve("nothing"),
                    Registry.Registration.of("churn"))).isUsage());
            assertTrue(assertThrows(RegistryException.class, () -> r.setStatus(ModelRef.parse("churn:1"), "maybe",
                    "")).getMessage().contains("must be one of"));
            assertTrue(assertThrows(IllegalArgumentException.class, () -> ModelRef.parse("churn")).getMessage()
                    .contains("is not a model reference"));
        }
    }

    @Test
    void aTamperedArtifactIsRefusedAtLoadAndExportIsWholeOrAbsent() throws Exception {
        try (Registry r = openFresh()) {
            ModelVersion v = r.register(model1, Registry.Registration.of("churn"));
            Path exported = dir.resolve("exported");
            r.export(v.ref(), exported);
            assertArrayEquals(probabilities(ModelFiles.load(model1)), probabilities(ModelFiles.load(exported)), 0);
            RegistryException exists = assertThrows(RegistryException.class, () -> r.export(v.ref(), exported));
            assertTrue(exists.isUsage());
            try (Stream<Path> s = Files.list(dir)) {
                assertFalse(s.anyMatch(p -> p.getFileName().toString().contains(".partial")));
            }

            Path artifact = r.artifactRoot().resolve(v.artifact());
            Path manifest = artifact.resolve("manifest.json");
            Files.writeString(manifest, Files.readString(manifest).replace("\"churned\"", "\"churned \""));
            RegistryException tampered = assertThrows(RegistryException.class, () -> r.load(v.ref()));
            assertFalse(tampered.isUsage());
            assertTrue(tampered.getMessage().contains("was changed after it was registered"), tampered.getMessage());
            assertTrue(tampered.getMessage().startsWith("churn:1 in " + r.location()), tampered.getMessage());
        }
    }

    @Test
    void theSameContentIsStoredOnce() throws Exception {
        try (Registry r = openFresh()) {
            ModelVersion a = r.register(model1, Registry.Registration.of("churn"));
            ModelVersion b = r.register(model1, Registry.Registration.of("churn-copy"));
            assertEquals(a.artifact(), b.artifact());
            try (Stream<Path> s = Files.list(r.artifactRoot())) {
                assertEquals(1, s.count());
            }
        }
    }

    double[] probabilities(TrainedModel m) throws Exception {
        return Predictor.predict(m, rows, w -> { }).doubleColumn("probability_yes").asDoubleArray();
    }
}
