package io.tablewise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Broken and hostile inputs other than paths, each through the CLI as a user meets it: flow files (a byte-order
 * mark, duplicate keys, absurd versions, deep nesting, a 12,000-node chain, binary garbage), formulas (deep
 * nesting, 20,000 terms, huge rounding, dates out of range), regular expressions (catastrophic backtracking, a
 * missing group, a value that overflows the engine's stack) and data files (a huge exponent and a far column in a
 * workbook, a key per line and a 20 MB line in JSON Lines, a binary file named .csv, control characters in column
 * names). Each must end with the expected exit code and a plain message (named in the case), no Java trace, and
 * within 10 s.
 */
class HostileInputCorpusTest {
    @TempDir
    Path dir;

    /** One case: how to lay out the project, the expected exit code and a text the output must contain. */
    record Case(String name, Setup setup, String command, int exit, String expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Writes the project's files and returns the flow file. */
    @FunctionalInterface
    interface Setup {
        Path write(Path dir) throws IOException;
    }

    static Stream<Arguments> cases() {
        List<Case> all = new ArrayList<>();
        flowFiles(all);
        formulas(all);
        regexes(all);
        dataFiles(all);
        return all.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void endsWithItsExitCodeAndAPlainMessage(Case c) throws Exception {
        Path flow = c.setup().write(dir);
        CliEndToEndTest.Outcome o = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> c.command().equals("run") ? CliEndToEndTest.cli("run", flow.toString(), "--plain")
                        : CliEndToEndTest.cli(c.command(), flow.toString()));
        String all = o.out() + o.err();
        assertTrue(all.length() < 200_000, "the output stays readable: " + all.length() + " characters");
        assertEquals(c.exit(), o.code(), all.substring(0, Math.min(all.length(), 5000)));
        assertTrue(all.contains(c.expected()), "expected '" + c.expected() + "' in: " + all);
        assertFalse(all.contains("\tat ") || all.contains("Exception:") || all.contains("Error:"),
                "no Java trace: " + all);
        assertFalse(all.chars().anyMatch(ch -> ch < 0x20 && ch != '\n' && ch != '\r' && ch != '\t'),
                "no raw control character printed");
    }

    // ---- flow files ----

    private static void flowFiles(List<Case> all) {
        String valid = flowJson(List.of(node("imp", "data.import.csv", Map.of("path", "data.csv"))), List.of());
        all.add(text("flow saved with a byte-order mark", "\uFEFF" + valid, "validate", 0, "is valid"));
        all.add(text("duplicate key", valid.replace("\"name\":\"hostile\"", "\"name\":\"a\",\"name\":\"b\""),
                "validate", 2, "Duplicate field 'name'"));
        for (String v : List.of("4294967297", "-1", "0", "1.5", "\"1\"", "1e400", "99999999999999999999999")) {
            all.add(text("formatVersion " + v, valid.replace("\"formatVersion\":1", "\"formatVersion\":" + v),
                    "validate", 2, "formatVersion"));
        }
        all.add(text("nested 10,000 deep", valid.replace("\"parameters\":{}", "\"parameters\":{\"x\":"
                + "[".repeat(10_000) + "]".repeat(10_000) + "}"), "validate", 2, "not valid JSON"));
        all.add(text("truncated", valid.substring(0, valid.length() / 2), "validate", 2, "not valid JSON"));
        all.add(text("empty file", "", "validate", 2, "must be a JSON object"));
        all.add(text("not an object", "[1,2,3]", "validate", 2, "must be a JSON object"));
        all.add(text("another format", valid.replace("tablewise.flow", "other.flow"), "validate", 2,
                "not a Tablewise flow file"));
        all.add(new Case("binary garbage", d -> {
            byte[] junk = new byte[4096];
            new java.util.Random(3).nextBytes(junk);
            return bytes(d, junk);
        }, "validate", 2, "error"));
        all.add(new Case("UTF-16 text", d -> bytes(d, valid.getBytes(StandardCharsets.UTF_16)), "validate", 2,
                "error"));
        for (String command : List.of("validate", "run")) {
            all.add(new Case(command + " a chain of 12,000 nodes", d -> chain(d, 12_000), command, 2,
                    "at most 1,000 nodes"));
        }
        all.add(new Case("run a chain of 1,000 nodes", d -> chain(d, 1_000), "run", 0, "ok in"));
        all.add(new Case("a cycle", d -> {
            Files.writeString(d.resolve("data.csv"), "a,b\n1,2\n");
            return flow(d, flowJson(List.of(node("a", "transform.text.trim", Map.of("columns", List.of("a"))),
                    node("b", "transform.text.trim", Map.of("columns", List.of("a")))),
                    List.of(edge("a", "b"), edge("b", "a"))));
        }, "validate", 2, "cycle"));
        all.add(new Case("unknown node type", d -> flow(d, flowJson(List.of(node("x", "evil.exec",
                Map.of("cmd", "rm -rf /"))), List.of())), "validate", 2, "unknown node type 'evil.exec'"));
        all.add(new Case("a missing file given on the command line", d -> d.resolve("nothing.flow"), "validate", 2,
                "does not exist"));
    }

    private static Path chain(Path d, int length) throws IOException {
        Files.writeString(d.resolve("data.csv"), "a,b\n1,2\n");
        List<Map<String, Object>> nodes = new ArrayList<>();
        List<Map<String, Object>> edges = new ArrayList<>();
        nodes.add(node("n0", "data.import.csv", Map.of("path", "data.csv")));
        for (int i = 1; i < length; i++) {
            nodes.add(node("n" + i, "transform.text.trim", Map.of("columns", List.of("a"))));
            edges.add(edge("n" + (i - 1), "n" + i));
        }
        return flow(d, flowJson(nodes, edges));
    }

    // ---- formulas ----

    private static void formulas(List<Case> all) {
        all.add(formula("1,000 nested parentheses", "(".repeat(1000) + "x" + ")".repeat(1000), 2, "nested"));
        all.add(formula("20,000-term sum", "x" + " + x".repeat(20_000), 2, "characters long"));
        all.add(formula("2,000-term sum", "x" + "+x".repeat(2_000), 2, "operators"));
        all.add(formula("2,000 unary minus signs", "-".repeat(2_000) + "x", 2, "operators"));
        all.add(formula("nested calls", "abs(".repeat(500) + "x" + ")".repeat(500), 2, "nested"));
        all.add(formula("round to 2,147,483,647 digits", "round(x, 2147483647)", 0, "done"));
        all.add(formula("round to 100,000,000 digits", "round(x, 100000000)", 0, "done"));
        all.add(formula("round to minus a billion digits", "round(x, -1000000000)", 0, "done"));
        all.add(formula("add 1e18 days", "add_days(date('2020-01-01'), 1e18)", 0, "done"));
        all.add(formula("add -1e300 days", "add_days(date('2020-01-01'), -1e300)", 0, "done"));
        all.add(formula("a 30,000-character formula", "x + " + "1".repeat(30_000), 2, "characters long"));
        all.add(formula("unterminated text", "'abc", 2, "formula"));
        all.add(formula("NUL in a formula", "x + \u0000", 2, "formula"));
    }

    // ---- regular expressions ----

    private static void regexes(List<Case> all) {
        all.add(regex("catastrophic backtracking in replace", "transform.text.replace",
                Map.of("find", "^((a+)\\2?)+$", "replaceWith", "x", "regex", true), "a".repeat(40) + "b", 1,
                "takes too long"));
        all.add(regex("nested repeats in extract", "transform.text.extract",
                Map.of("pattern", "^(a|aa)+$"), "a".repeat(5000) + "b", 1, "too"));
        all.add(regex("replacement refers to group 9", "transform.text.replace",
                Map.of("find", "(a)", "replaceWith", "$9", "regex", true), "abc", 2, "group $9"));
        all.add(regex("replacement refers to group 2 of 1", "transform.text.replace",
                Map.of("find", "(a)", "replaceWith", "$1$2", "regex", true), "abc", 2, "group $2"));
        all.add(regex("stack overflow on a 100,000-character value", "transform.text.replace",
                Map.of("find", "(a|b)*c", "replaceWith", "x", "regex", true), "ab".repeat(50_000), 1,
                "too"));
        all.add(regex("an invalid pattern", "transform.text.replace",
                Map.of("find", "(unclosed", "replaceWith", "x", "regex", true), "abc", 2,
                "not a valid regular expression"));
        all.add(regex("a pad length of two billion", "transform.text.pad",
                Map.of("length", 2_000_000_000L), "abc", 2, "above the maximum"));
    }

    // ---- data files ----

    private static void dataFiles(List<Case> all) {
        all.add(importing("a workbook cell 1E+100000000", "data.import.excel", "data.xlsx",
                d -> xlsx(d.resolve("data.xlsx"), "<c r=\"A2\"><v>1E+100000000</v></c>"), 0, "done"));
        all.add(importing("a workbook cell at column ZZZZZZ", "data.import.excel", "data.xlsx",
                d -> xlsx(d.resolve("data.xlsx"), "<c r=\"ZZZZZZ2\"><v>1</v></c>"), 2, "beyond column"));
        all.add(importing("JSON Lines with a new key on every line", "data.import.jsonl", "data.jsonl", d -> {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < 20_000; i++) {
                s.append("{\"k").append(i).append("\":1}\n");
            }
            Files.writeString(d.resolve("data.jsonl"), s);
        }, 1, "distinct keys"));
        all.add(importing("JSON Lines with one 20 MB line", "data.import.jsonl", "data.jsonl", d -> {
            try (OutputStream out = Files.newOutputStream(d.resolve("data.jsonl"))) {
                out.write("{\"a\":\"".getBytes(StandardCharsets.UTF_8));
                byte[] block = "x".repeat(1 << 20).getBytes(StandardCharsets.UTF_8);
                for (int i = 0; i < 20; i++) {
                    out.write(block);
                }
                out.write("\"}\n".getBytes(StandardCharsets.UTF_8));
            }
        }, 2, "longer than"));
        all.add(importing("a binary file named .csv", "data.import.csv", "data.csv", d -> {
            byte[] junk = new byte[20_000];
            new java.util.Random(5).nextBytes(junk);
            junk[0] = 'P';
            junk[1] = 'K';
            Files.write(d.resolve("data.csv"), junk);
        }, -1, "looks binary"));
        all.add(new Case("a header of 3,000,000 fields", d -> {
            StringBuilder header = new StringBuilder();
            for (int i = 0; i < 3_000_000; i++) {
                header.append(i == 0 ? "" : ",").append('c').append(i);
            }
            Files.writeString(d.resolve("wide.csv"), header.append("\n"));
            return d.resolve("wide.csv");
        }, "profile", 1, "at most 16384 columns"));
        all.add(new Case("one cell of 20 MB", d -> {
            Files.writeString(d.resolve("long.csv"), "a\n" + "x".repeat(20_000_000) + "\n");
            return d.resolve("long.csv");
        }, "profile", 0, "…"));
        all.add(new Case("control characters in a column name", d -> {
            Files.writeString(d.resolve("data.csv"), "\u001b[2Jname\u0007,b\u202e\nx,1\n");
            return d.resolve("data.csv");
        }, "profile", 0, "[2Jname"));
    }

    // ---- builders ----

    private static Case text(String name, String content, String command, int exit, String expected) {
        return new Case(name, d -> {
            Files.writeString(d.resolve("data.csv"), "a,b\n1,2\n");
            return flow(d, content);
        }, command, exit, expected);
    }

    private static Case formula(String name, String formula, int exit, String expected) {
        return new Case(name, d -> {
            Files.writeString(d.resolve("data.csv"), "x,d\n1.25,2020-01-01\n2.5,2021-06-30\n");
            return flow(d, flowJson(List.of(node("imp", "data.import.csv", Map.of("path", "data.csv")),
                    node("f", "transform.formula.column", Map.of("name", "y", "formula", formula))),
                    List.of(edge("imp", "f"))));
        }, "run", exit, expected);
    }

    private static Case regex(String name, String type, Map<String, Object> params, String value, int exit,
                              String expected) {
        return new Case(name, d -> {
            Files.writeString(d.resolve("data.csv"), "t\n" + value + "\nplain\n");
            Map<String, Object> p = new LinkedHashMap<>(params);
            p.put(type.endsWith("extract") ? "column" : "columns", type.endsWith("extract") ? "t" : List.of("t"));
            return flow(d, flowJson(List.of(node("imp", "data.import.csv", Map.of("path", "data.csv")),
                    node("r", type, p)), List.of(edge("imp", "r"))));
        }, "run", exit, expected);
    }

    /** A flow that imports a file; exit -1 means "0 with a warning" (the import still runs). */
    private static Case importing(String name, String type, String file, DataWriter data, int exit,
                                  String expected) {
        return new Case(name, d -> {
            data.write(d);
            return flow(d, flowJson(List.of(node("imp", type, Map.of("path", file))), List.of()));
        }, "run", exit < 0 ? 0 : exit, expected);
    }

    @FunctionalInterface
    interface DataWriter {
        void write(Path dir) throws IOException;
    }

    private static Path flow(Path d, String json) throws IOException {
        Path f = d.resolve("hostile.flow");
        Files.writeString(f, json, StandardCharsets.UTF_8);
        return f;
    }

    private static Path bytes(Path d, byte[] content) throws IOException {
        Path f = d.resolve("hostile.flow");
        Files.write(f, content);
        return f;
    }

    private static String flowJson(List<Map<String, Object>> nodes, List<Map<String, Object>> edges) {
        return HostileFlows.json("hostile", nodes, edges);
    }

    private static Map<String, Object> node(String id, String type, Map<String, Object> params) {
        return HostileFlows.node(id, type, params);
    }

    private static Map<String, Object> edge(String from, String to) {
        return HostileFlows.edge(from, "table", to, "table");
    }

    /** A workbook written by fastexcel, then its second row replaced by the given cell XML. */
    private static void xlsx(Path file, String cell) throws IOException {
        Path plain = file.resolveSibling("plain.xlsx");
        try (OutputStream out = Files.newOutputStream(plain)) {
            org.dhatim.fastexcel.Workbook wb = new org.dhatim.fastexcel.Workbook(out, "test", "1.0");
            org.dhatim.fastexcel.Worksheet ws = wb.newWorksheet("Sheet1");
            ws.value(0, 0, "value");
            ws.value(1, 0, 1);
            ws.value(2, 0, 2);
            wb.finish();
        }
        try (java.util.zip.ZipFile in = new java.util.zip.ZipFile(plain.toFile());
             ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (ZipEntry e : java.util.Collections.list(in.entries())) {
                String content = new String(in.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
                if (e.getName().endsWith("sheet1.xml")) {
                    content = content.replaceFirst("<row r=\"2\"[^>]*>.*?</row>", "<row r=\"2\">" + cell + "</row>");
                }
                put(zip, e.getName(), content);
            }
        }
    }

    private static void put(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
