package io.tablewise.installer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tablewise.sample.ExpectedOutputs;
import io.tablewise.sample.ProjectCopy;

/**
 * Builds the .deb, installs it into this machine with dpkg, replays every sample project with the installed
 * {@code tablewise run}, compares the outputs with each project's expected.json, and removes the package. Slow
 * (about two minutes) and needs root: run with {@code mvn -P installer verify} on Debian or Ubuntu.
 */
class DebianPackageIT {
    @TempDir
    Path work;

    @Test
    void theInstalledApplicationReplaysEverySampleProject() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/dpkg")), "needs dpkg (Debian or Ubuntu)");
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root to install a package");
        long buildStart = System.nanoTime();
        run(List.of("bash", "installer/build.sh", "deb"), Path.of("."), 900);
        double buildSeconds = (System.nanoTime() - buildStart) / 1e9;
        Path deb;
        try (Stream<Path> files = Files.list(Path.of("target/installer"))) {
            deb = files.filter(p -> p.toString().endsWith(".deb")).findFirst().orElseThrow();
        }
        // A minimal machine has no menu folders; the package's desktop integration needs them.
        Files.createDirectories(Path.of("/etc/xdg/menus"));
        Files.createDirectories(Path.of("/usr/share/desktop-directories"));
        run(List.of("dpkg", "-i", deb.toAbsolutePath().toString()), work, 300);
        try {
            assertTrue(Files.isExecutable(Path.of("/opt/tablewise/bin/Tablewise")));
            assertTrue(Files.isSymbolicLink(Path.of("/usr/bin/tablewise")));
            assertTrue(Files.isDirectory(Path.of("/opt/tablewise/lib/app/projects-sample/house-prices")),
                    "the sample projects are installed for the start page");
            long start = System.nanoTime();
            String nodes = run(List.of("/usr/bin/tablewise", "nodes"), work, 120);
            double coldStart = (System.nanoTime() - start) / 1e9;
            assertTrue(nodes.contains("model.build"), nodes);
            List<String> report = new ArrayList<>();
            for (String project : List.of("customer-churn", "house-prices", "loan-grades")) {
                Path copy = work.resolve(project);
                ProjectCopy.copy(Path.of("projects-sample", project), copy);
                long t = System.nanoTime();
                run(List.of("/usr/bin/tablewise", "run", copy.resolve(project + ".flow").toString()), work, 600);
                report.add(String.format("%s %.1f s", project, (System.nanoTime() - t) / 1e9));
                assertEquals(List.of(), ExpectedOutputs.check(copy), project);
            }
            System.out.printf("installer: %s, %.1f MB, built in %.0f s; installed size %s; "
                            + "cold start of 'tablewise nodes' %.2f s; replays: %s%n", deb.getFileName(),
                    Files.size(deb) / 1e6, buildSeconds, run(List.of("du", "-sh", "/opt/tablewise"), work, 60).trim(),
                    coldStart, String.join(", ", report));
        } finally {
            run(List.of("dpkg", "-r", "tablewise"), work, 300);
        }
        assertTrue(Files.notExists(Path.of("/opt/tablewise/bin/Tablewise")), "removed");
        assertTrue(Files.notExists(Path.of("/usr/bin/tablewise"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
    }

    private static String run(List<String> command, Path dir, int timeoutSeconds) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(timeoutSeconds, TimeUnit.SECONDS), String.join(" ", command) + " timed out");
        String text = new String(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), String.join(" ", command) + ":\n" + text);
        return text;
    }
}
