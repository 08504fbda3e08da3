package io.tablewise.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rule for where a flow may read and write, and the allowances that only the user can give. */
class PathPolicyTest {
    @TempDir
    Path root;

    @Test
    void theFlowFolderAndTheOutputFolderAreAllowedAndNothingElse() throws Exception {
        Path project = Files.createDirectories(root.resolve("project"));
        Path out = Files.createDirectories(root.resolve("out"));
        Files.writeString(project.resolve("a.csv"), "x\n1\n");
        PathPolicy p = PathPolicy.of(project, project.resolve("f.flow"), out);
        assertEquals(project.resolve("a.csv"), p.read("a.csv"));
        assertEquals(out.resolve("result/b.csv"), p.write("result/b.csv", Set.of()));
        assertEquals(out.resolve("b.csv"), p.write(out.resolve("b.csv").toString(), Set.of()),
                "an absolute path inside an allowed folder is fine");
        PathNotAllowedException e = assertThrows(PathNotAllowedException.class,
                () -> p.write("../elsewhere.csv", Set.of()));
        assertTrue(e.getMessage().contains("--allow-write"), e.getMessage());
        assertThrows(PathNotAllowedException.class, () -> p.read("../out/../secret.csv"));
    }

    @Test
    void aLocationOnAnotherStoreIsForSparkAndSaysHow() throws Exception {
        Path project = Files.createDirectories(root.resolve("project"));
        PathPolicy p = PathPolicy.of(project, null, project);
        PathNotAllowedException e = assertThrows(PathNotAllowedException.class,
                () -> p.read("s3a://sales-bucket/2026/*.csv"));
        assertTrue(e.getMessage().startsWith("'s3a://sales-bucket/2026/*.csv' is a location on another store; the "
                + "embedded engine reads files on this machine only") && e.getMessage().contains("--engine spark "
                + "--conf tablewise.allowRead=s3a://sales-bucket/)"), e.getMessage());
        e = assertThrows(PathNotAllowedException.class, () -> p.write("hdfs://nn:8020/out/x.csv", Set.of()));
        assertTrue(e.getMessage().contains("tablewise.allowWrite=hdfs://nn:8020/"), e.getMessage());
    }

    @Test
    void allowancesWidenOnlyWhatTheyName() throws Exception {
        Path project = Files.createDirectories(root.resolve("project"));
        Path shared = Files.createDirectories(root.resolve("shared"));
        Path exports = Files.createDirectories(root.resolve("exports"));
        Files.writeString(shared.resolve("big.csv"), "x\n");
        Files.writeString(shared.resolve("other.csv"), "x\n");
        Path chosen = Files.writeString(root.resolve("chosen.csv"), "x\n");
        PathPolicy base = PathPolicy.of(project, null, project);
        assertThrows(PathNotAllowedException.class, () -> base.read(chosen.toString()));
        PathPolicy p = base.allowing(List.of(shared), List.of(chosen), List.of(exports));
        assertEquals(chosen, p.read(chosen.toString()));
        assertEquals(shared.resolve("other.csv"), p.read("../shared/other.csv"));
        assertEquals(exports.resolve("x.csv"), p.write("../exports/x.csv", Set.of()));
        assertThrows(PathNotAllowedException.class, () -> p.write("../shared/x.csv", Set.of()),
                "a folder allowed for reading is not allowed for writing");
        assertThrows(PathNotAllowedException.class, () -> p.read(root.resolve("unchosen.csv").toString()),
                "a chosen file allows that file only");
    }

    @Test
    void theInputsTheRunLogAndTheFlowItselfAreNeverWritten() throws Exception {
        Path project = Files.createDirectories(root.resolve("project"));
        Path input = Files.writeString(project.resolve("in.csv"), "x\n");
        PathPolicy p = PathPolicy.of(project, project.resolve("f.flow"), project);
        assertThrows(PathNotAllowedException.class, () -> p.write("in.csv", Set.of(input)));
        assertThrows(PathNotAllowedException.class, () -> p.write("f.flow", Set.of()));
        assertThrows(PathNotAllowedException.class, () -> p.write("f.flow.bak", Set.of()));
        assertThrows(PathNotAllowedException.class, () -> p.write("runs/runs.jsonl", Set.of()));
        assertThrows(PathNotAllowedException.class, () -> p.write("", Set.of()));
        assertThrows(PathNotAllowedException.class, () -> p.write("a\u0000b.csv", Set.of()));
    }

    @Test
    void aLinkIsJudgedByWhereItLeads() throws Exception {
        Path project = Files.createDirectories(root.resolve("project"));
        Path outside = Files.createDirectories(root.resolve("outside"));
        Path inside = Files.createDirectories(project.resolve("real"));
        Files.writeString(inside.resolve("d.csv"), "x\n");
        Files.createSymbolicLink(project.resolve("alias"), inside);
        Files.createSymbolicLink(project.resolve("away"), outside);
        PathPolicy p = PathPolicy.of(project, null, project);
        assertEquals(project.resolve("alias/d.csv"), p.read("alias/d.csv"), "a link inside the project is fine");
        assertThrows(PathNotAllowedException.class, () -> p.write("away/x.csv", Set.of()));
        PathPolicy allowed = p.allowing(List.of(), List.of(), List.of(outside));
        assertEquals(project.resolve("away/x.csv"), allowed.write("away/x.csv", Set.of()),
                "once the user allows where it leads, the link may be used");
    }
}
