package io.tablewise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A shared flow must not read or write outside its folder. Each case is a flow whose one import or export path is
 * hostile (a parent folder, an absolute path, a link that leaves the project, the flow file itself, its input, the
 * run log, a hidden start-up file, a script, a NUL byte, nothing at all), run through {@code validate} and
 * {@code run} as a user would: the outcome must be exit code 2 with a message that names the node and parameter,
 * no Java trace, no hang over 10 s, and nothing outside the project touched — a canary home folder and an outside
 * folder are compared byte for byte after every case, and the flow file and its data too.
 */
class HostilePathCorpusTest {
    private static Path root;
    private static Path project;
    private static Path home;
    private static Path outside;
    private static Map<String, String> before;

    @BeforeAll
    static void layOut() throws IOException {
        root = Files.createTempDirectory("tablewise-hostile");
        project = Files.createDirectories(root.resolve("project"));
        home = Files.createDirectories(root.resolve("home"));
        outside = Files.createDirectories(root.resolve("outside"));
        Files.writeString(project.resolve("notes.csv"), "note\n=cmd|' /C calc'!A0\nhello\n", StandardCharsets.UTF_8);
        Files.writeString(home.resolve(".bashrc"), "# the user's shell start-up\n");
        Files.writeString(outside.resolve("secret.csv"), "secret\n42\n");
        Files.createDirectories(project.resolve("runs"));
        Files.writeString(project.resolve("runs/runs.jsonl"), "");
        Files.createDirectories(project.resolve("sub"));
        Files.createSymbolicLink(project.resolve("link_out"), outside);
        Files.createSymbolicLink(project.resolve("link_home"), home);
        Files.createSymbolicLink(project.resolve("link_secret.csv"), outside.resolve("secret.csv"));
        Files.createSymbolicLink(project.resolve("dangling.csv"), outside.resolve("planted.csv"));
        Files.createSymbolicLink(project.resolve("link_notes.csv"), project.resolve("notes.csv"));
        before = snapshot();
    }

    @AfterAll
    static void cleanUp() throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Paths a node must not write. */
    static List<String> hostileWrites() {
        String abs = System.getProperty("java.io.tmpdir");
        return List.of("../evil.csv", "../../evil.csv", "../home/.bashrc", "../outside/x.csv", "sub/../../evil.csv",
                "sub/../../outside/x.csv", "./../evil.csv", "../project/../outside/x.csv", abs + "/tablewise-evil.csv",
                "/etc/passwd", "/proc/self/mem", "/dev/null", "link_out/x.csv", "link_home/.profile",
                "link_home/notes.csv", "dangling.csv", "link_notes.csv", "f.flow", "./f.flow", "sub/../f.flow",
                "f.flow.bak", "notes.csv", "./notes.csv", "sub/../notes.csv", "runs/runs.jsonl", "runs/other.csv",
                "", ".", "./", "sub/..", ".bashrc", ".profile", ".git/config", "sub/.hidden.csv", ".ssh/authorized_keys",
                "run.sh", "x.bat", "x.cmd", "x.ps1", "x.exe", "x.desktop", "other.flow", "x.jar", "a\u0000b.csv",
                "sub/x.py");
    }

    /** Paths a node must not read. */
    static List<String> hostileReads() {
        return List.of("/etc/passwd", "/etc/shadow", "/proc/self/environ", "/dev/zero", "/dev/urandom",
                "../outside/secret.csv", "../../outside/secret.csv", "sub/../../outside/secret.csv",
                "../../../../../../../../etc/passwd", "link_out/secret.csv", "link_secret.csv", "link_home/.bashrc",
                "../home/.bashrc", "a\u0000b.csv", "", "/root/.ssh/id_rsa", "nonexistent.csv",
                "file:///etc/passwd", "C:\\Windows\\win.ini", "\\\\server\\share\\x.csv");
    }

    static Stream<Arguments> writeCases() {
        List<Arguments> cases = new ArrayList<>();
        for (String node : List.of("data.export.csv", "data.export.excel", "insights.export")) {
            for (String path : hostileWrites()) {
                if (path.isEmpty() && node.equals("insights.export")) {
                    continue; // an empty optional output means "write none"
                }
                for (String command : List.of("validate", "run")) {
                    cases.add(Arguments.of(command, node, path));
                }
            }
        }
        return cases.stream();
    }

    static Stream<Arguments> readCases() {
        List<Arguments> cases = new ArrayList<>();
        for (String node : List.of("data.import.csv", "data.import.excel", "data.import.jsonl")) {
            for (String path : hostileReads()) {
                for (String command : List.of("validate", "run")) {
                    cases.add(Arguments.of(command, node, path));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} writing ''{2}''")
    @MethodSource("writeCases")
    void aHostileWriteIsRefusedNamingTheNodeAndNothingIsTouched(String command, String node, String path)
            throws Exception {
        String param = node.equals("insights.export") ? "html" : "path";
        Path flow = writeFlow("data.import.csv", "notes.csv", node, path);
        expectRefusal(command, flow, "'exp' parameter '" + param + "'");
    }

    @ParameterizedTest(name = "{0} {1} reading ''{2}''")
    @MethodSource("readCases")
    void aHostileReadIsRefusedNamingTheNodeAndNothingIsTouched(String command, String node, String path)
            throws Exception {
        Path flow = writeFlow(node, path, "data.export.csv", "output/copy.csv");
        expectRefusal(command, flow, "'imp' parameter 'path'");
        assertFalse(Files.exists(project.resolve("output/copy.csv")), "nothing was exported");
    }

    private static void expectRefusal(String command, Path flow, String names) throws Exception {
        CliEndToEndTest.Outcome o = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> command.equals("run") ? CliEndToEndTest.cli(command, flow.toString(), "--plain")
                        : CliEndToEndTest.cli(command, flow.toString()));
        String all = o.out() + o.err();
        assertEquals(ExitCodes.INVALID, o.code(), all);
        assertTrue(o.err().contains(names), all);
        assertFalse(all.contains("\tat ") || all.contains("Exception"), "no Java trace: " + all);
        assertFalse(all.chars().anyMatch(c -> c == 0), "no raw NUL printed");
        assertEquals(before, snapshot(), "nothing outside the project, nor the flow's inputs, was touched");
    }

    private static Path writeFlow(String importType, String in, String exportType, String out) throws IOException {
        List<Map<String, Object>> nodes = new ArrayList<>();
        List<Map<String, Object>> edges = new ArrayList<>();
        nodes.add(node("imp", importType, Map.of("path", in)));
        if (exportType.equals("insights.export")) {
            nodes.add(node("ins", "insights.report", Map.of()));
            nodes.add(node("exp", exportType, Map.of("html", out)));
            edges.add(edge("imp", "table", "ins", "table"));
            edges.add(edge("ins", "report", "exp", "report"));
        } else {
            nodes.add(node("exp", exportType, Map.of("path", out)));
            edges.add(edge("imp", "table", "exp", "table"));
        }
        Path flow = project.resolve("f.flow");
        Files.writeString(flow, HostileFlows.json("Innocent sales report", nodes, edges));
        before.put("project/f.flow", Files.readString(flow));
        return flow;
    }

    private static Map<String, Object> node(String id, String type, Map<String, Object> params) {
        return HostileFlows.node(id, type, params);
    }

    private static Map<String, Object> edge(String from, String fromPort, String to, String toPort) {
        return HostileFlows.edge(from, fromPort, to, toPort);
    }

    /** Every file under the root but the project's own outputs, with its content (links as their targets). */
    private static Map<String, String> snapshot() throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.toList()) {
                String key = root.relativize(p).toString().replace('\\', '/');
                if (Files.isSymbolicLink(p)) {
                    files.put(key, "-> " + Files.readSymbolicLink(p));
                } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    files.put(key, Files.readString(p, StandardCharsets.ISO_8859_1));
                } else {
                    files.put(key + "/", "");
                }
            }
        }
        Path evil = Path.of(System.getProperty("java.io.tmpdir"), "tablewise-evil.csv");
        files.put("tmp/tablewise-evil.csv exists", String.valueOf(Files.exists(evil)));
        return files;
    }
}
