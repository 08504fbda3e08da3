package io.tablewise.ui;

import java.nio.file.Path;
import java.util.List;
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
        this(stage, home, theme, width, height, Locale.ENGLISH);
    }

    /** Builds and shows a studio window in {@code language} on {@code stage}; settings live in {@code home}. */
    StudioFixture(Stage stage, Path home, Theme theme, double width, double height, Locale language) {
        io.tablewise.ui.theme.BundledFonts.load(); // first, as StudioApp.start does
        this.stage = stage;
        Locale.setDefault(language);
        Messages.use(language);
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

    /**
     * A light 1400 × 900 studio with a copy of the sample project {@code project} (e.g. "customer-churn") made in
     * {@code dir} and its flow open.
     */
    static StudioFixture withSample(Stage stage, Path dir, String project) throws Exception {
        return withSample(stage, dir, project, Locale.ENGLISH);
    }

    /** As {@link #withSample(Stage, Path, String)}, with the studio in {@code language}. */
    static StudioFixture withSample(Stage stage, Path dir, String project, Locale language) throws Exception {
        Path copy = dir.resolve(project);
        io.tablewise.sample.ProjectCopy.copy(Path.of("projects-sample", project), copy);
        StudioFixture fixture = new StudioFixture(stage, dir.resolve("home"), Theme.LIGHT, 1400, 900, language);
        if (!fixture.window.open(copy.resolve(project + ".flow"))) {
            throw new AssertionError("could not open the sample " + project);
        }
        return fixture;
    }

    /** Waits for the output panel's tab {@code title} and selects it, as a click on it would. */
    javafx.scene.control.Tab showTab(org.testfx.api.FxRobot robot, String title) throws Exception {
        javafx.scene.control.TabPane panel = robot.lookup(".output-panel").queryAs(javafx.scene.control.TabPane.class);
        waitFor(() -> panel.getTabs().stream().anyMatch(t -> t.getText().equals(title)), "the tab " + title);
        return fx(() -> {
            javafx.scene.control.Tab tab = panel.getTabs().stream().filter(t -> t.getText().equals(title))
                    .findFirst().orElseThrow();
            panel.getSelectionModel().select(tab);
            return tab;
        });
    }

    /** Runs the whole flow and waits until {@code node} is done. */
    void runAllUntilDone(String node) throws Exception {
        fx(() -> {
            session.runs().runAll();
            return null;
        });
        waitFor(() -> !session.runs().runningProperty().get() && session.runs().statuses().get(node) != null
                && session.runs().statuses().get(node).light() == io.tablewise.ui.run.NodeStatus.Light.DONE,
                "the run of " + node);
    }

    /** Runs the node "import" alone, clicks its card and waits until the grid shows its {@code rows} rows. */
    io.tablewise.ui.grid.DataGridView importShownInGrid(org.testfx.api.FxRobot robot, int rows) throws Exception {
        fx(() -> {
            session.runs().run(java.util.Set.of("import"));
            return null;
        });
        waitFor(() -> !session.runs().runningProperty().get() && session.runs().statuses().get("import")
                .light() == io.tablewise.ui.run.NodeStatus.Light.DONE, "the import");
        clickCard(robot, "import");
        io.tablewise.ui.grid.DataGridView grid = fx(window::grid);
        waitFor(() -> grid.shownRows() == rows, "the grid");
        return grid;
    }

    /** The first output of {@code node}'s last result. */
    Object output(String node, String port) throws Exception {
        return fx(() -> session.runs().result(node).orElseThrow().outputs().get(port));
    }

    /** Clicks a node's card on the canvas. */
    void clickCard(org.testfx.api.FxRobot robot, String node) throws Exception {
        robot.clickOn(fx(() -> window.canvas().localToScreen(window.canvas().cardCentreInView(node).orElseThrow())));
    }

    /**
     * Registers one version of the sample's churn model per algorithm into the user's default registry (the tests
     * point it at a temporary folder), built in {@code work}.
     */
    static void registerChurnModels(Path work, List<String> algorithms) throws Exception {
        tech.tablesaw.api.Table rows = new io.tablewise.data.csv.DelimitedReader().read(
                Path.of("projects-sample/customer-churn/data/customers.csv"),
                io.tablewise.data.csv.CsvOptions.defaults(), io.tablewise.node.ProgressMonitor.NONE).table();
        try (io.tablewise.registry.Registry r = io.tablewise.registry.Registry.open(
                io.tablewise.registry.RegistryLocation.defaultLocation())) {
            for (String algorithm : algorithms) {
                Path folder = work.resolve(algorithm);
                io.tablewise.model.ModelFiles.save(io.tablewise.model.ModelBuilder.build(rows,
                        new io.tablewise.model.BuildOptions("churned", null, List.of("customer_id"), null, 0.2, 42)
                                .withAlgorithm(algorithm), io.tablewise.node.ProgressMonitor.NONE), folder);
                r.register(folder, io.tablewise.registry.Registry.Registration.of("churn"));
            }
        }
    }

    /** Scrolls the scroll pane around {@code node} so that it shows, as a user would before clicking it. */
    static void reveal(javafx.scene.Node node) throws Exception {
        fx(() -> {
            // every scroll pane around it, the innermost first (a heat map scrolls inside a scrolling page)
            for (javafx.scene.Node p = node.getParent(); p != null; p = p.getParent()) {
                if (p instanceof javafx.scene.control.ScrollPane view) {
                    javafx.geometry.Point2D at = view.getContent().sceneToLocal(node.localToScene(0, 0));
                    double room = view.getContent().getLayoutBounds().getHeight()
                            - view.getViewportBounds().getHeight();
                    view.setVvalue(room <= 0 ? 0 : Math.min(1, Math.max(0, (at.getY() - 20) / room)));
                    double wide = view.getContent().getLayoutBounds().getWidth()
                            - view.getViewportBounds().getWidth();
                    if (wide > 0) {
                        view.setHvalue(Math.min(1, Math.max(0, (at.getX() - 20) / wide)));
                    }
                    view.layout();
                }
            }
            return null;
        });
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
