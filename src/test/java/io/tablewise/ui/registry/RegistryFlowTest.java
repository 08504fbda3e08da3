package io.tablewise.ui.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tech.tablesaw.api.Table;

import io.tablewise.data.csv.CsvOptions;
import io.tablewise.data.csv.DelimitedReader;
import io.tablewise.model.BuildOptions;
import io.tablewise.model.ModelBuilder;
import io.tablewise.model.ModelFiles;
import io.tablewise.node.ProgressMonitor;
import io.tablewise.registry.ModelVersion;
import io.tablewise.registry.Registry;
import io.tablewise.registry.RegistryLocation;
import io.tablewise.registry.VersionLineage;
import io.tablewise.sample.ChurnGenerator;

/** The Registry tab's "open its flow": the flow that built a version, saved beside its source and handed to open. */
class RegistryFlowTest {
    @TempDir
    Path dir;

    @Test
    void theFlowThatBuiltAVersionIsSavedBesideItsSourceAndOpened() throws Exception {
        io.tablewise.ui.Messages.use(java.util.Locale.ENGLISH);
        Path csv = dir.resolve("customers.csv");
        ChurnGenerator.write(csv, 300, 4);
        Table rows = new DelimitedReader().read(csv, CsvOptions.defaults(), ProgressMonitor.NONE).table();
        Path model = dir.resolve("m/model");
        ModelFiles.save(ModelBuilder.build(rows, new BuildOptions("churned", null, List.of(), null, 0.2, 1)
                .withAlgorithm("cart"), ProgressMonitor.NONE), model);
        Path project = Files.createDirectories(dir.resolve("project"));
        String flow = Files.readString(Path.of("projects-sample/customer-churn/customer-churn.flow"));
        String run = new ObjectMapper().writeValueAsString(java.util.Map.of("flow",
                project.resolve("churn.flow").toString()));
        RegistryLocation location = RegistryLocation.folder(dir.resolve("registry"));
        ModelVersion withFlow;
        ModelVersion without;
        try (Registry r = Registry.open(location)) {
            withFlow = r.register(model, new Registry.Registration("고객이탈", "", List.of(), "pending", null, run,
                    flow));
            without = r.register(model, new Registry.Registration("plain", "", List.of(), "pending", null, null,
                    null));
        }
        RegistryViewModel vm = new RegistryViewModel(location, Runnable::run);
        AtomicReference<VersionLineage> lineage = new AtomicReference<>();
        CountDownLatch read = new CountDownLatch(1);
        vm.lineage(withFlow, l -> {
            lineage.set(l);
            read.countDown();
        });
        assertTrue(read.await(30, TimeUnit.SECONDS));
        Path suggested = RegistryViewModel.suggestedFlowFile(lineage.get());
        assertEquals(project.resolve("고객이탈-v1.flow"), suggested);

        AtomicReference<Path> opened = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        vm.saveFlow(withFlow, suggested, f -> {
            opened.set(f);
            done.countDown();
        });
        assertTrue(done.await(30, TimeUnit.SECONDS));
        assertEquals(suggested, opened.get());
        ObjectMapper json = new ObjectMapper();
        assertEquals(json.readTree(flow), json.readTree(suggested.toFile()));
        assertTrue(vm.messageProperty().get().contains("고객이탈:1"), vm.messageProperty().get());

        vm.saveFlow(without, dir.resolve("none.flow"), f -> {
            throw new AssertionError("nothing to open");
        });
        long until = System.nanoTime() + 30_000_000_000L;
        while (!vm.messageProperty().get().contains("has no flow") && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertTrue(vm.messageProperty().get().contains("plain:1 has no flow"), vm.messageProperty().get());
        assertTrue(Files.notExists(dir.resolve("none.flow")));
    }
}
