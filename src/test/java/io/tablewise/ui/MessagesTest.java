package io.tablewise.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.tablewise.node.NodeType;
import io.tablewise.node.registry.NodeRegistry;

class MessagesTest {
    @AfterEach
    void english() {
        Messages.use(Locale.ENGLISH);
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Messages.class.getResourceAsStream(name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void koreanHasEveryEnglishTextAndANameForEveryNodeType() throws IOException {
        Properties en = load("messages.properties");
        Properties ko = load("messages_ko.properties");
        Set<String> missing = new TreeSet<>(en.stringPropertyNames());
        missing.removeAll(ko.stringPropertyNames());
        assertEquals(Set.of(), missing, "keys without a Korean text");
        for (NodeType t : NodeRegistry.builtIn().all()) {
            String key = "node." + t.descriptor().id() + ".name";
            assertTrue(ko.containsKey(key), "no Korean name for " + t.descriptor().id());
            assertTrue(ko.containsKey("node." + t.descriptor().id() + ".help"),
                    "no Korean help for " + t.descriptor().id());
            for (io.tablewise.node.ParamSpec p : t.descriptor().params()) {
                String label = "label." + NodeTexts.labelKey(p.label());
                assertTrue(ko.containsKey(label), "no Korean label for '" + p.label() + "' (" + label + ")");
                String help = "param." + t.descriptor().id() + "." + p.name() + ".help";
                assertTrue(p.help().isBlank() || ko.containsKey(help), "no Korean help: " + help);
            }
            assertTrue(en.containsKey("category." + NodeTexts.categorySlug(t.descriptor().category())),
                    "no category text for " + t.descriptor().category());
        }
    }

    @Test
    void formattedTextsDoubleTheirApostrophes() throws IOException {
        // Messages.get runs texts through MessageFormat, where a lone ' starts a quote and vanishes ("node's"
        // would show as "nodes"); only the node, parameter, label, category and bias metric texts are read as they are.
        Pattern lone = Pattern.compile("(?<!')'(?!')");
        Set<String> wrong = new TreeSet<>();
        for (String file : new String[] {"messages.properties", "messages_ko.properties"}) {
            Properties p = load(file);
            for (String key : p.stringPropertyNames()) {
                boolean raw = key.startsWith("node.") || key.startsWith("param.") || key.startsWith("label.")
                        || key.startsWith("category.") || key.startsWith("bias.");
                String quotedBracesRemoved = p.getProperty(key).replace("'{'", "").replace("'}'", "");
                if (!raw && lone.matcher(quotedBracesRemoved).find()) {
                    wrong.add(file + ": " + key);
                }
            }
        }
        assertEquals(Set.of(), wrong);
        assertEquals("This node's output is not a table", Messages.get("grid.noTable"));
        assertTrue(Messages.get("runs.noParameters").contains("${name}"));
    }

    @Test
    void everyKeyTheCodeUsesExists() throws IOException {
        Properties en = load("messages.properties");
        Pattern use = Pattern.compile("(?:Messages\\.get|item|toolButton)\\(\"([a-z]+\\.[A-Za-z.]+)\"");
        Set<String> unknown = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/io/tablewise/ui"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).collect(Collectors.toList())) {
                Matcher m = use.matcher(Files.readString(f));
                while (m.find()) {
                    if (!m.group(1).endsWith(".") && !en.containsKey(m.group(1))) {
                        unknown.add(m.group(1) + " in " + f.getFileName());
                    }
                }
            }
        }
        assertEquals(Set.of(), unknown);
    }

    @Test
    void textsAreFormattedInTheChosenLanguage() {
        Messages.use(Locale.KOREAN);
        assertEquals("노드 3개", Messages.get("status.nodes", 3));
        Messages.use(Locale.ENGLISH);
        assertEquals("Don't save", Messages.get("doc.dontSave"));
        assertEquals("1,234 rows × 5 columns", Messages.get("grid.size", "1,234", "5"));
    }

    @Test
    void countsTakeTheRightNumberInEnglish() {
        Messages.use(Locale.ENGLISH);
        assertEquals("1 node", Messages.get("status.nodes", 1));
        assertEquals("14 nodes", Messages.get("status.nodes", 14));
        assertEquals("1,250 nodes", Messages.get("status.nodes", 1250));
        assertEquals("This makes 1 run", Messages.get("runs.sweepCount", 1));
        assertEquals("This makes 4 runs", Messages.get("runs.sweepCount", 4));
        assertEquals("1 node could not run or failed — see the marked nodes and the log",
                Messages.get("run.failures", 1));
        assertEquals("AutoML leaderboard (8 candidates, best first)", Messages.get("model.leaderboard", 8));
        assertEquals("1 node", io.tablewise.node.Plural.of(1, "node"));
        assertEquals("2 runs", io.tablewise.node.Plural.of(2, "run"));
    }
}
