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
        String prebuilt = System.getProperty("tablewise.deb", "");
        if (prebuilt.isEmpty()) {
            // no arguments: every Linux type; one whose tools are missing (rpmbuild, often) is skipped, not fatal
            String built = run(List.of("bash", "installer/build.sh"), Path.of("."), 900);
            if (!onPath("rpmbuild")) {
                assertTrue(built.contains("skipped rpm: needs rpmbuild"), built);
            }
            assertTrue(Files.list(Path.of("target/installer")).anyMatch(p -> p.toString().endsWith(".tar.gz")),
                    "the portable archive is built after a skipped type");
        }
        double buildSeconds = (System.nanoTime() - buildStart) / 1e9;
        Path deb;
        try (Stream<Path> files = Files.list(Path.of("target/installer"))) {
            deb = prebuilt.isEmpty() ? files.filter(p -> p.toString().endsWith(".deb")).findFirst().orElseThrow()
                    : Path.of(prebuilt);
        }
        assertEquals("Tablewise <maintainers@tablewise.io>",
                run(List.of("dpkg-deb", "-f", deb.toAbsolutePath().toString(), "Maintainer"), work, 60).trim());
        // A minimal machine (a server, a container, WSL) has no menu folders: the install must still succeed.
        List<Path> hidden = hideMenuFolders();
        String installed;
        try {
            // apt, as a user would: it brings the dependencies (GTK, xdg-utils) that dpkg -i leaves missing
            installed = run(List.of("apt-get", "install", "-y", "--no-install-recommends",
                    deb.toAbsolutePath().toString()), work, 900);
        } finally {
            restore(hidden);
        }
        try {
            if (!hidden.isEmpty() || Files.notExists(Path.of("/etc/xdg/menus"))) {
                assertTrue(installed.contains("no desktop menu on this system"), installed);
            }
            assertTrue(Files.isExecutable(Path.of("/opt/tablewise/bin/Tablewise")));
            assertTrue(Files.isSymbolicLink(Path.of("/usr/bin/tablewise")));
            assertTrue(Files.isDirectory(Path.of("/opt/tablewise/lib/app/projects-sample/house-prices")),
                    "the sample projects are installed for the start page");
            long start = System.nanoTime();
            String nodes = run(List.of("/usr/bin/tablewise", "nodes"), work, 120);
            double coldStart = (System.nanoTime() - start) / 1e9;
            assertTrue(nodes.contains("model.build"), nodes);
            // a normal user cannot write beside the installed samples: told to use --out, which works
            Path installedFlow = Path.of("/opt/tablewise/lib/app/projects-sample/house-prices/house-prices.flow");
            Path nobodyOut = Files.createTempDirectory("tablewise-nobody");
            Files.setPosixFilePermissions(nobodyOut, java.nio.file.attribute.PosixFilePermissions.fromString(
                    "rwxrwxrwx"));
            Process inPlace = new ProcessBuilder("runuser", "-u", "nobody", "--", "/usr/bin/tablewise", "run",
                    installedFlow.toString()).directory(nobodyOut.toFile()).redirectErrorStream(true).start();
            String refused = new String(inPlace.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(inPlace.waitFor(120, TimeUnit.SECONDS));
            assertEquals(2, inPlace.exitValue(), refused);
            assertTrue(refused.contains("--out DIR"), refused);
            run(List.of("runuser", "-u", "nobody", "--", "/usr/bin/tablewise", "run", installedFlow.toString(),
                    "--out", nobodyOut.toString()), nobodyOut, 600);
            assertTrue(Files.exists(nobodyOut.resolve("output/sales-priced.csv")), "the outputs went to --out");
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

    /** Moves the desktop menu folders aside (restored by {@link #restore}), as on a minimal system. */
    private static List<Path> hideMenuFolders() throws Exception {
        List<Path> moved = new ArrayList<>();
        for (String dir : List.of("/etc/xdg/menus", "/usr/share/desktop-directories")) {
            Path p = Path.of(dir);
            if (Files.exists(p)) {
                Files.move(p, Path.of(dir + ".tablewise-test-hidden"));
                moved.add(p);
            }
        }
        return moved;
    }

    private static void restore(List<Path> hidden) throws Exception {
        for (Path p : hidden) {
            Files.move(Path.of(p + ".tablewise-test-hidden"), p);
        }
    }

    private static boolean onPath(String tool) {
        return Stream.of(System.getenv("PATH").split(java.io.File.pathSeparator))
                .anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
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
