package io.tablewise.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

import javax.imageio.ImageIO;

import io.tablewise.engine.FlowExecutor;
import io.tablewise.ui.project.StudioSettings;
import io.tablewise.ui.theme.Theme;

/**
 * Takes the README's screenshots of the studio: the sample churn flow, run, with a node selected, in light and
 * dark, English and Korean. Not a test; run it with {@code bench/screenshots} (headless, no display needed).
 */
public final class Screenshots {
    private Screenshots() {
    }

    /** {@code args[0]}: the folder for the PNG files. */
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "assets/screenshots");
        Files.createDirectories(out);
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        Platform.setImplicitExit(false); // each shot closes its window; the toolkit must stay up for the next
        Path sample = Path.of("projects-sample/customer-churn/customer-churn.flow").toAbsolutePath();
        for (String language : new String[] {"en", "ko"}) {
            for (Theme theme : Theme.values()) {
                String name = "studio-" + theme.name().toLowerCase(Locale.ROOT) + "-" + language + ".png";
                shoot(sample, Locale.forLanguageTag(language), theme, out.resolve(name), "encode");
                if (theme == Theme.LIGHT) {
                    shoot(sample, Locale.forLanguageTag(language), theme,
                            out.resolve("model-view-" + language + ".png"), "model");
                }
            }
        }
        shoot(Path.of("projects-sample/house-prices/house-prices.flow").toAbsolutePath(), Locale.ENGLISH, Theme.LIGHT,
                out.resolve("model-view-regression-en.png"), "model");
        Platform.exit();
        System.exit(0);
    }

    private static void shoot(Path flow, Locale locale, Theme theme, Path png, String select) throws Exception {
        Messages.use(locale);
        Path home = Files.createTempDirectory("tablewise-shots");
        StudioSession[] session = new StudioSession[1];
        MainWindow[] window = new MainWindow[1];
        Stage[] stage = new Stage[1];
        onFx(() -> {
            session[0] = new StudioSession(FlowExecutor.createDefault(), new StudioSettings(home),
                    flow.getParent().getParent(), Platform::runLater);
            stage[0] = new Stage();
            stage[0].setScene(new Scene(new javafx.scene.layout.StackPane(), 1440, 900));
            window[0] = new MainWindow(stage[0], session[0], () -> { });
            stage[0].getScene().setRoot(window[0].root());
            theme.apply(stage[0].getScene());
            stage[0].show();
            window[0].open(flow);
            session[0].runs().runAll();
        });
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < end) {
            Thread.sleep(300);
            boolean[] done = new boolean[1];
            onFx(() -> done[0] = !session[0].runs().runningProperty().get()
                    && session[0].runs().lastRunProperty().get() != null);
            if (done[0]) {
                break;
            }
        }
        onFx(() -> {
            session[0].editor().selectOnly(Set.of(select));
            if (select.equals("model")) { // give the model view room, as a user would drag the divider
                stage[0].getScene().getRoot().lookupAll(".split-pane").stream()
                        .map(n -> (javafx.scene.control.SplitPane) n)
                        .filter(sp -> sp.getOrientation() == javafx.geometry.Orientation.VERTICAL)
                        .forEach(sp -> sp.setDividerPositions(0.3));
            }
            window[0].canvas().fitToView();
        });
        Thread.sleep(1500);
        onFx(() -> {
            WritableImage image = stage[0].getScene().snapshot(null);
            try {
                ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", png.toFile());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            stage[0].close();
            session[0].shutdown();
        });
        System.out.println("wrote " + png);
    }

    private static void onFx(Runnable work) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                work.run();
            } finally {
                done.countDown();
            }
        });
        done.await(60, TimeUnit.SECONDS);
    }
}
