package io.tablewise.cli;

import static io.tablewise.cli.CliEndToEndTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.tablewise.sample.ChurnGenerator;

/** Every {@code tablewise registry} command, and a registered model used by reference in {@code predict}. */
class RegistryCommandTest {
    @TempDir
    Path dir;

    private String registry;
    private Path data;

    @BeforeEach
    void trainTwo() throws Exception {
        registry = dir.resolve("reg").toString();
        data = dir.resolve("customers.csv");
        ChurnGenerator.write(data, 800, 9);
        for (String[] run : List.of(new String[] {"a", "liblinear"}, new String[] {"b", "cart"})) {
            CliEndToEndTest.Outcome o = cli("train", data.toString(), "--target", "churned", "--exclude",
                    "customer_id", "--algorithm", run[1], "--out", dir.resolve(run[0]).toString(), "--plain");
            assertEquals(0, o.code(), o.err());
        }
    }

    @Test
    void theLifecycleFromTheCommandLine() throws Exception {
        CliEndToEndTest.Outcome reg = cli("registry", "register", dir.resolve("a/model").toString(), "--group",
                "churn", "--registry", registry, "--description", "logistic", "--tag", "q4,baseline");
        assertEquals(0, reg.code(), reg.err());
        assertEquals("registered churn:1 (pending) in " + Path.of(registry).toAbsolutePath().normalize(),
                reg.out().strip());
        CliEndToEndTest.Outcome second = cli("registry", "register", dir.resolve("b/model").toString(), "--group",
                "churn", "--registry", registry, "--alias", "challenger");
        assertEquals(0, second.code(), second.err());
        assertTrue(second.out().startsWith("registered churn:2 (pending, alias challenger)"), second.out());

        assertEquals(0, cli("registry", "approve", "churn:1", "--comment", "good on March", "--registry", registry)
                .code());
        CliEndToEndTest.Outcome alias = cli("registry", "alias", "churn:1", "champion", "--registry", registry);
        assertEquals("churn@champion is now churn:1", alias.out().strip());

        CliEndToEndTest.Outcome list = cli("registry", "list", "--registry", registry);
        List<String> lines = list.out().lines().toList();
        assertTrue(lines.get(0).startsWith("model"), list.out());
        assertTrue(lines.get(1).matches("churn:2 +pending +challenger +binary +churned +auc 0\\.\\d{4} .*"),
                list.out());
        assertTrue(lines.get(2).matches("churn:1 +approved +champion +binary +churned +auc 0\\.\\d{4} .*"),
                list.out());

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> json = new ObjectMapper().readValue(cli("registry", "list", "churn", "--json",
                "--registry", registry).out(), List.class);
        assertEquals(List.of(2, 1), json.stream().map(v -> v.get("version")).toList());
        Map<?, ?> metrics = new ObjectMapper().readValue(Files.readString(dir.resolve("a/metrics.json")), Map.class);
        assertEquals(((Map<?, ?>) metrics.get("test")).get("auc"), ((Map<?, ?>) json.get(1).get("metrics"))
                .get("auc"));

        CliEndToEndTest.Outcome show = cli("registry", "show", "churn@champion", "--registry", registry);
        assertTrue(show.out().startsWith("churn:1  approved  aliases: champion"), show.out());
        assertTrue(show.out().contains("tags: q4, baseline"), show.out());
        assertTrue(show.out().matches("(?s).*\\n  \\S+Z  pending  by \\S+: registered"
                + "\\n  \\S+Z  approved by \\S+: good on March\\n"), show.out());

        CliEndToEndTest.Outcome compare = cli("registry", "compare", "churn:1", "churn:2", "--registry", registry);
        assertEquals(0, compare.code(), compare.err());
        List<String> rows = compare.out().lines().toList();
        assertTrue(rows.get(1).startsWith("status") && rows.get(1).endsWith("differs"), compare.out());
        assertTrue(rows.stream().anyMatch(l -> l.matches("setting algorithm +liblinear +cart +differs")),
                compare.out());
        assertTrue(rows.stream().anyMatch(l -> l.matches("data fingerprint +(\\w+) +\\1")), "the same data: "
                + compare.out());

        CliEndToEndTest.Outcome lineage = cli("registry", "lineage", "churn:1", "--registry", registry);
        assertTrue(lineage.out().contains("\"format\" : \"tablewise.train-run\""), lineage.out());

        Path exported = dir.resolve("exported");
        assertEquals(0, cli("registry", "export", "churn@champion", "--out", exported.toString(), "--registry",
                registry).code());
        assertTrue(Files.isRegularFile(exported.resolve("manifest.json")));

        // a registered model scores by reference as a folder does
        CliEndToEndTest.Outcome byRef = cli("predict", "--model", "churn@champion", "--registry", registry,
                "--input", data.toString(), "--output", dir.resolve("by-ref.csv").toString());
        assertEquals(0, byRef.code(), byRef.err());
        CliEndToEndTest.Outcome byFolder = cli("predict", "--model", dir.resolve("a/model").toString(), "--input",
                data.toString(), "--output", dir.resolve("by-folder.csv").toString());
        assertEquals(0, byFolder.code(), byFolder.err());
        assertEquals(Files.readString(dir.resolve("by-folder.csv")), Files.readString(dir.resolve("by-ref.csv")));
    }

    @Test
    void wrongReferencesAreUsageErrorsAndATamperedModelAFailure() throws Exception {
        assertEquals(0, cli("registry", "register", dir.resolve("a/model").toString(), "--group", "churn",
                "--registry", registry).code());
        CliEndToEndTest.Outcome unknown = cli("registry", "show", "churn:9", "--registry", registry);
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().startsWith("error: churn:9: the group 'churn' in "), unknown.err());
        assertEquals(2, cli("registry", "show", "sales@champion", "--registry", registry).code());
        assertEquals(2, cli("registry", "show", "churn", "--registry", registry).code());
        assertEquals(0, cli("registry", "reject", "churn:1", "--comment", "leak", "--registry", registry).code());
        CliEndToEndTest.Outcome rejected = cli("registry", "alias", "churn:1", "champion", "--registry", registry);
        assertEquals(2, rejected.code());
        assertTrue(rejected.err().contains("churn:1 is rejected"), rejected.err());

        Path artifacts = Path.of(registry, "artifacts");
        Path artifact;
        try (var s = Files.list(artifacts)) {
            artifact = s.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        Files.writeString(artifact.resolve("manifest.json"), Files.readString(artifact.resolve("manifest.json"))
                .replace("\"churned\"", "\"churned2\""));
        CliEndToEndTest.Outcome tampered = cli("predict", "--model", "churn:1", "--registry", registry, "--input",
                data.toString(), "--output", dir.resolve("x.csv").toString());
        assertEquals(1, tampered.code());
        assertTrue(tampered.err().contains("was changed after it was registered"), tampered.err());
        assertTrue(!Files.exists(dir.resolve("x.csv")));
    }
}
