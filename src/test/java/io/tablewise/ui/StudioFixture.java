package io.tablewise.ui;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import io.tablewise.engine.FlowExecutor;
import io.tablewise.ui.project.StudioSettings;
import io.tablewise.ui.theme.Theme;

/**
 * A studio window for the headless UI tests: built in {@code @Start}, closed in {@code @Stop}, with helpers to run
 * code on the JavaFX thread and to wait for a condition there.
 */
final class StudioFixture {
    final Stage stage;
    final StudioSession session;
    final MainWindow window;

    /** Builds and shows an English studio window on {@code stage}; settings live in {@code home}. */
    StudioFixture(Stage stage, Path home, Theme theme, double width, double height) {
        this.stage = stage;
        Locale.setDefault(Locale.ENGLISH);
        Messages.use(Locale.ENGLISH);
        session = new StudioSession(FlowExecutor.createDefault(), new StudioSettings(home), null, Platform::runLater);
        stage.setScene(new Scene(new javafx.scene.layout.StackPane(), width, height));
        window = new MainWindow(stage, session, () -> { });
        stage.getScene().setRoot(window.root());
        theme.apply(stage.getScene());
        stage.show();
    }

    /** Closes the window (headless drag and drop goes to the topmost window) and stops the engine. */
    void close() {
        Platform.runLater(stage::close);
        session.shutdown();
    }

    /** Runs {@code work} on the JavaFX thread and returns its result. */
    static <T> T fx(Callable<T> work) throws Exception {
        FutureTask<T> task = new FutureTask<>(work);
        Platform.runLater(task);
        return task.get(30, TimeUnit.SECONDS);
    }

    /** Waits up to a minute for {@code condition}, checked on the JavaFX thread. */
    static void waitFor(BooleanSupplier condition, String what) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!fx(condition::getAsBoolean)) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(30);
        }
    }
}
