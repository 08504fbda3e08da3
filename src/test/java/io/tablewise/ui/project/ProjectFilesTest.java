package io.tablewise.ui.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tablewise.flow.Flow;
import io.tablewise.flow.NodeInstance;
import io.tablewise.flow.UiPosition;
import io.tablewise.flow.json.FlowWriter;
import io.tablewise.node.registry.NodeRegistry;

class ProjectFilesTest {
    @TempDir
    Path home;

    private static Flow flowReading(String path) {
        return new Flow("f", "", Map.of(), List.of(
                new NodeInstance("in", "data.import.csv", 1, "In", Map.of("path", path), UiPosition.ORIGIN),
                new NodeInstance("out", "data.export.csv", 1, "Out", Map.of("path", "out/x.csv"), UiPosition.ORIGIN)),
                List.of());
    }

    @Test
    void savingIntoAnotherFolderRewritesInputPathsSoTheyStillPointAtTheSameFiles() {
        Path from = home.resolve("a/b");
        Path to = home.resolve("c");
        Flow moved = FlowPaths.rebase(flowReading("data/x.csv"), NodeRegistry.builtIn(), from, to);
        assertEquals("../a/b/data/x.csv", moved.node("in").orElseThrow().params().get("path"));
        assertEquals("out/x.csv", moved.node("out").orElseThrow().params().get("path"), "outputs stay beside the flow");
        Flow param = flowReading("${input}");
        assertEquals(param, FlowPaths.rebase(param, NodeRegistry.builtIn(), from, to));
        assertEquals("data/고객.csv", FlowPaths.relative(from, from.resolve("data/고객.csv")));
    }

    @Test
    void settingsRememberRecentFilesThemeAndLanguage() throws Exception {
        Path a = Files.writeString(home.resolve("a.flow"), "{}");
        Path b = Files.writeString(home.resolve("b.flow"), "{}");
        StudioSettings settings = new StudioSettings(home);
        settings.addRecent(a);
        settings.addRecent(b);
        settings.addRecent(a);
        settings.setTheme("dark");
        settings.setLanguage("ko");
        Files.delete(b);
        StudioSettings again = new StudioSettings(home);
        assertEquals(List.of(a.toAbsolutePath().normalize()), again.recentFiles());
        assertEquals("dark", again.theme());
        assertEquals("ko", again.language());
    }

    @Test
    void aFlowAutosavedByACrashedSessionIsOfferedToTheNextOneAndCleanClosesLeaveNothing() throws Exception {
        Flow flow = flowReading("data/x.csv");
        RecoveryStore crashed = new RecoveryStore(home);
        crashed.save(flow, home.resolve("work.flow"));
        RecoveryStore closedCleanly = new RecoveryStore(home);
        closedCleanly.save(flow, null);
        closedCleanly.clear();

        RecoveryStore next = new RecoveryStore(home);
        List<RecoveryStore.Entry> left = next.leftovers();
        assertEquals(1, left.size());
        assertEquals(home.resolve("work.flow").toAbsolutePath(), left.get(0).originalFile());
        assertEquals(new FlowWriter().toJson(flow), new FlowWriter().toJson(next.read(left.get(0)).orElseThrow()));
        next.discard(left.get(0));
        assertTrue(next.leftovers().isEmpty());
    }

    @Test
    void dataOutsideANewFolderIsFoundAndCopiedIntoItsDataFolderWithoutOverwriting() throws Exception {
        Path old = java.nio.file.Files.createDirectories(home.resolve("old"));
        java.nio.file.Files.writeString(old.resolve("고객.csv"), "a\n1\n");
        Path project = java.nio.file.Files.createDirectories(home.resolve("new/data")).getParent();
        java.nio.file.Files.writeString(project.resolve("data/고객.csv"), "someone else's");
        Flow moved = FlowPaths.rebase(flowReading("고객.csv"), NodeRegistry.builtIn(), old, project);
        java.util.Set<Path> outside = FlowPaths.outsideInputs(moved, NodeRegistry.builtIn(), project);
        assertEquals(java.util.Set.of(old.resolve("고객.csv").toAbsolutePath().normalize()), outside);
        Flow copied = FlowPaths.copyInto(moved, NodeRegistry.builtIn(), project, outside);
        assertEquals("data/고객-2.csv", copied.node("in").orElseThrow().params().get("path"));
        assertEquals("a\n1\n", java.nio.file.Files.readString(project.resolve("data/고객-2.csv")));
        assertEquals("someone else's", java.nio.file.Files.readString(project.resolve("data/고객.csv")));
        assertEquals(java.util.Set.of(), FlowPaths.outsideInputs(copied, NodeRegistry.builtIn(), project));
    }

    @Test
    void allowancesAreKeptInTheUsersSettingsAndCanBeRemoved() throws Exception {
        StudioSettings settings = new StudioSettings(home.resolve("settings"));
        settings.allowReadFile(home.resolve("a.csv"));
        settings.allowReadFile(home.resolve("a.csv"));
        settings.allowWriteDir(home.resolve("exports"));
        StudioSettings again = new StudioSettings(home.resolve("settings"));
        assertEquals(List.of(home.resolve("a.csv")), again.pathGrants().readFiles(), "kept once, across restarts");
        assertEquals(List.of(home.resolve("exports")), again.pathGrants().writeDirs());
        again.setPathGrants(new StudioSettings.PathGrants(List.of(), List.of(), List.of(home.resolve("exports"))));
        assertEquals(StudioSettings.PathGrants.NONE.readFiles(),
                new StudioSettings(home.resolve("settings")).pathGrants().readFiles());
        assertEquals(List.of(home.resolve("exports")),
                new StudioSettings(home.resolve("settings")).pathGrants().writeDirs());
    }
}
