package io.tablewise.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import tech.tablesaw.api.Table;

import io.tablewise.data.DataFiles;
import io.tablewise.engine.FlowExecutor;
import io.tablewise.flow.Edge;
import io.tablewise.flow.Flow;
import io.tablewise.flow.NodeInstance;
import io.tablewise.flow.UiPosition;
import io.tablewise.ui.MainWindow;
import io.tablewise.ui.Messages;
import io.tablewise.ui.StudioSession;
import io.tablewise.ui.project.StudioSettings;
import io.tablewise.ui.run.NodeStatus;
import io.tablewise.ui.theme.Theme;

/**
 * Studio responsiveness, headless (Monocle, software rendering): a 200-node flow on the canvas (load, one drag
 * step of every node, fit), the data grid on a 1,000,000-row table (show, jump-scroll), and the longest stall of
 * the JavaFX thread while the engine imports 1,000,000 rows in the background.
 */
public final class StudioBenchmark {
    private StudioBenchmark() {
    }

    /** {@code args[0]}: rows of the big table (default 1,000,000). */
    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path big = BenchTables.wideFile(rows);
        CountDownLatch up = new CountDownLatch(1);
        Platform.startup(up::countDown);
        up.await();
        Messages.use(java.util.Locale.ENGLISH);
        Path home = Files.createTempDirectory("tablewise-bench");
        StudioSession session = fx(() -> new StudioSession(FlowExecutor.createDefault(), new StudioSettings(home),
                null, Platform::runLater));
        Stage[] stage = new Stage[1];
        MainWindow window = fx(() -> {
            stage[0] = new Stage();
            stage[0].setScene(new Scene(new javafx.scene.layout.StackPane(), 1440, 900));
            MainWindow w = new MainWindow(stage[0], session, () -> { });
            stage[0].getScene().setRoot(w.root());
            Theme.LIGHT.apply(stage[0].getScene());
            stage[0].show();
            return w;
        });
        List<String[]> table = new ArrayList<>();

        Flow large = chain(200);
        double[] load = BenchTables.time(5, () -> fx(() -> {
            session.editor().load(Flow.empty("empty"), null, false);
            window.root().layout();
            session.editor().load(large, big.resolveSibling("large.flow"), false);
            window.root().applyCss();
            window.root().layout();
            return 0;
        }));
        table.add(BenchTables.row("canvas: open a 200-node flow", load, "cards, edges, CSS and layout"));
        fx(() -> {
            session.editor().selectAll();
            return 0;
        });
        int[] step = {0};
        double[] drag = BenchTables.time(20, () -> fx(() -> {
            step[0]++;
            Map<String, UiPosition> moved = new HashMap<>();
            for (NodeInstance n : session.editor().flow().nodes()) {
                moved.put(n.id(), new UiPosition(n.ui().x() + (step[0] % 2 == 0 ? 3 : -3), n.ui().y()));
            }
            session.editor().previewMove(moved);
            window.root().layout();
            return 0;
        }));
        table.add(BenchTables.row("canvas: drag step, all 200 nodes selected", drag, "goal: one frame (16 ms)"));
        double[] fit = BenchTables.time(5, () -> fx(() -> {
            window.canvas().fitToView();
            window.root().layout();
            return 0;
        }));
        table.add(BenchTables.row("canvas: fit to view", fit, ""));

        Table data = DataFiles.read(big, io.tablewise.data.csv.CsvOptions.defaults(),
                io.tablewise.node.ProgressMonitor.NONE).table();
        double[] show = BenchTables.time(3, () -> fx(() -> {
            window.grid().showMessage("");
            window.grid().show(data);
            window.root().applyCss();
            window.root().layout();
            return 0;
        }));
        table.add(BenchTables.row("grid: show " + rows + " × " + data.columnCount(), show,
                "columns, header histograms, first rows"));
        java.util.Random random = new java.util.Random(1);
        double[] scroll = BenchTables.time(20, () -> fx(() -> {
            window.grid().tableView().scrollTo(random.nextInt(rows));
            window.grid().tableView().layout();
            return 0;
        }));
        table.add(BenchTables.row("grid: jump to a random row", scroll, "virtualised: only visible rows drawn"));

        // The longest gap between two frames while the engine imports the big file in the background.
        Flow importOnly = new Flow("import", "", Map.of(), List.of(new NodeInstance("in", "data.import.csv", 1,
                "Big", Map.of("path", big.getFileName().toString()), new UiPosition(0, 0))), List.of());
        double[] stall = new double[3];
        for (int i = 0; i < stall.length; i++) {
            Path flowFile = big.resolveSibling("import-" + i + ".flow");
            AtomicLong last = new AtomicLong(System.nanoTime());
            AtomicLong worst = new AtomicLong();
            AnimationTimer timer = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    long t = System.nanoTime();
                    worst.accumulateAndGet(t - last.getAndSet(t), Math::max);
                }
            };
            fx(() -> {
                window.grid().showMessage("");
                session.editor().load(importOnly, flowFile, false);
                timer.start();
                last.set(System.nanoTime());
                session.runs().runAll();
                return 0;
            });
            long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (fx(() -> session.runs().runningProperty().get()
                    || session.runs().statuses().get("in") == null
                    || session.runs().statuses().get("in").light() != NodeStatus.Light.DONE)
                    && System.nanoTime() < end) {
                Thread.sleep(50);
            }
            fx(() -> {
                session.editor().select("in", false);
                return 0;
            });
            Thread.sleep(500);
            fx(() -> {
                timer.stop();
                return 0;
            });
            stall[i] = worst.get() / 1e9;
        }
        table.add(BenchTables.row("UI: longest frame gap, import + show " + rows + " rows", stall,
                "goal: under 0.1 s"));

        BenchTables.print(table);
        fx(() -> {
            stage[0].close();
            session.shutdown();
            return 0;
        });
        Platform.exit();
        System.exit(0);
    }

    /** A 200-node flow: 10 chains of 20 transforms each, laid out in rows, connected left to right. */
    private static Flow chain(int count) {
        List<NodeInstance> nodes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        String[] types = {"transform.rows.sort", "transform.columns.drop", "transform.missing.impute",
            "transform.scale.standard", "transform.encode.one-hot"};
        for (int i = 0; i < count; i++) {
            int row = i / 20;
            int col = i % 20;
            String type = col == 0 ? "data.import.csv" : types[col % types.length];
            nodes.add(new NodeInstance("n" + i, type, 1, "Node " + i, Map.of(), new UiPosition(col * 220, row * 120)));
            if (col > 0) {
                edges.add(Edge.of("n" + (i - 1), "table", "n" + i, "table"));
            }
        }
        return new Flow("large", "", Map.of(), nodes, edges);
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        FutureTask<T> task = new FutureTask<>(work);
        Platform.runLater(task);
        return task.get(2, TimeUnit.MINUTES);
    }
}
