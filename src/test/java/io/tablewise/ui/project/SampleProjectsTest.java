package io.tablewise.ui.project;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sample opens as the analyst's own copy: made once, without old results, and kept with its changes. */
class SampleProjectsTest {
    @Test
    void theCopyIsMadeOnceAndKeepsTheAnalystsChanges(@TempDir Path dir) throws Exception {
        Path sample = dir.resolve("installed/customer-churn");
        SampleProjects.copy(Path.of("projects-sample/customer-churn"), sample);
        Files.createDirectories(sample.resolve("output"));
        Files.writeString(sample.resolve("output/old.csv"), "a\n1\n");
        Files.createDirectories(sample.resolve("runs"));
        Files.writeString(sample.resolve("runs/runs.jsonl"), "{}\n");

        Path flow = SampleProjects.workingCopy(sample.resolve("customer-churn.flow"), dir.resolve("mine"));
        assertEquals(dir.resolve("mine/customer-churn/customer-churn.flow"), flow);
        assertArrayEquals(Files.readAllBytes(sample.resolve("data/customers.csv")),
                Files.readAllBytes(flow.resolveSibling("data/customers.csv")));
        assertFalse(Files.exists(flow.resolveSibling("output")), "earlier results stay behind");
        assertFalse(Files.exists(flow.resolveSibling("runs")));

        Files.writeString(flow, Files.readString(flow, StandardCharsets.UTF_8).replace("Customers", "My customers"),
                StandardCharsets.UTF_8);
        Path again = SampleProjects.workingCopy(sample.resolve("customer-churn.flow"), dir.resolve("mine"));
        assertEquals(flow, again);
        assertTrue(Files.readString(again, StandardCharsets.UTF_8).contains("My customers"), "the edit is kept");
    }
}
