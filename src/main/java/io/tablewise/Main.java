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

    private static boolean launchStudio(String[] args) {
        try {
            Class<?> studio = Class.forName(STUDIO_CLASS);
            studio.getMethod("launch", String[].class).invoke(null, (Object) args);
            return true;
        } catch (ClassNotFoundException e) {
            System.err.println("The Tablewise studio is not part of this build yet; the commands below work "
                    + "headless.\n");
            return false;
        } catch (ReflectiveOperationException e) {
            System.err.println("error: the studio could not start: " + e.getCause());
            System.exit(1);
            return false;
        }
    }
}
