package io.tablewise;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

import io.tablewise.cli.TablewiseCommand;

/**
 * The application's entry point. With a command it runs the CLI headless (JavaFX is never loaded); with no
 * arguments, or a single {@code .flow} file, it opens the desktop studio when this build includes it.
 */
public final class Main {
    /** The studio's launcher, loaded by name so the CLI path never touches JavaFX classes. */
    static final String STUDIO_CLASS = "io.tablewise.ui.StudioLauncher";

    private Main() {
    }

    /** Starts Tablewise. */
    public static void main(String[] args) {
        relaunchWithPassiveOpenMp(args);
        boolean flowFile = args.length == 1 && args[0].endsWith(".flow") && Files.isRegularFile(Path.of(args[0]));
        if (args.length == 0 || flowFile) {
            if (launchStudio(args)) {
                return;
            }
        }
        Charset console = System.console() != null ? System.console().charset() : Charset.defaultCharset();
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, console), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, console), true);
        System.exit(TablewiseCommand.execute(args, out, err));
    }

    /**
     * XGBoost's OpenMP threads spin against the JVM's on small machines unless {@code OMP_WAIT_POLICY=PASSIVE} is in
     * the environment before the native library loads, and a Java program cannot change its own environment. The
     * launcher scripts set it; an installed app started from its native launcher (which jpackage names in
     * {@code jpackage.app-path}, and which cannot set variables on Windows or macOS) starts itself once more with
     * it set, and exits with the child's exit code.
     */
    private static void relaunchWithPassiveOpenMp(String[] args) {
        String launcher = System.getProperty("jpackage.app-path");
        if (launcher == null || System.getenv("OMP_WAIT_POLICY") != null) {
            return;
        }
        java.util.List<String> command = new java.util.ArrayList<>();
        command.add(launcher);
        command.addAll(java.util.List.of(args));
        ProcessBuilder child = new ProcessBuilder(command).inheritIO();
        child.environment().put("OMP_WAIT_POLICY", "PASSIVE");
        // The Linux launcher marks a re-exec of itself with this variable; a fresh start must not inherit it.
        child.environment().remove("_JPACKAGE_LAUNCHER");
        try {
            System.exit(child.start().waitFor());
        } catch (java.io.IOException e) {
            // Could not start the child: run here, only slower to train on small machines.
            System.err.println("warning: could not set OMP_WAIT_POLICY (" + e.getMessage() + "); continuing");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.exit(130);
        }
    }

    private static boolean launchStudio(String[] args) {
        try {
            Class<?> studio = Class.forName(STUDIO_CLASS);
            studio.getMethod("launch", String[].class).invoke(null, (Object) args);
            return true;
        } catch (ClassNotFoundException e) {
            System.err.println("The Tablewise studio is not part of this build; the commands below work "
                    + "headless.\n");
            return false;
        } catch (ReflectiveOperationException e) {
            System.err.println("error: the studio could not start: " + e.getCause());
            System.exit(1);
            return false;
        }
    }
}
