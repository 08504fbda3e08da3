package io.tablewise.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
        io.tablewise.ui.theme.BundledFonts.load(); // before any text, as StudioApp.start does
        Platform.setImplicitExit(false); // each shot closes its window; the toolkit must stay up for the next
        String only = args.length > 1 ? args[1] : ""; // a name prefix: retake only those shots
        Path sample = Path.of("projects-sample/customer-churn/customer-churn.flow").toAbsolutePath();
        Path houses = Path.of("projects-sample/house-prices/house-prices.flow").toAbsolutePath();
        Path pipeline = Path.of("projects-sample/pipeline/pipeline.flow").toAbsolutePath();
        Path monitoring = Path.of("projects-sample/churn-monitoring/churn-monitoring.flow").toAbsolutePath();
        List<Shot> shots = new ArrayList<>();
        for (String language : new String[] {"en", "ko"}) {
            Locale locale = Locale.forLanguageTag(language);
            for (Theme theme : Theme.values()) {
                String name = "studio-" + theme.name().toLowerCase(Locale.ROOT) + "-" + language + ".png";
                shots.add(new Shot(sample, locale, theme, name, "encode"));
            }
            shots.add(new Shot(sample, locale, Theme.LIGHT, "model-view-" + language + ".png", "model"));
            shots.add(new Shot(sample, locale, Theme.LIGHT, "insights-view-" + language + ".png", "insights"));
            shots.add(new Shot(sample, locale, Theme.LIGHT, "predict-view-" + language + ".png", "model#2"));
        }
        shots.add(new Shot(houses, Locale.ENGLISH, Theme.LIGHT, "model-view-regression-en.png", "model"));
        shots.add(new Shot(sample, Locale.ENGLISH, Theme.LIGHT, "model-leaderboard-en.png", "model#leaderboard"));
        shots.add(new Shot(sample, Locale.ENGLISH, Theme.LIGHT, "model-explain-en.png", "model#explain"));
        shots.add(new Shot(sample, Locale.KOREAN, Theme.LIGHT, "model-explain-ko.png", "model#explain"));
        shots.add(new Shot(houses, Locale.ENGLISH, Theme.LIGHT, "model-explain-regression-en.png", "model#explain"));
        shots.add(new Shot(sample, Locale.ENGLISH, Theme.LIGHT, "model-bias-en.png", "model#bias"));
        shots.add(new Shot(sample, Locale.ENGLISH, Theme.LIGHT, "model-pdp-en.png", "model#pdp"));
        shots.add(new Shot(sample, Locale.KOREAN, Theme.LIGHT, "model-bias-ko.png", "model#bias"));
        shots.add(new Shot(houses, Locale.ENGLISH, Theme.LIGHT, "runs-view-en.png", "model#runs"));
        shots.add(new Shot(houses, Locale.KOREAN, Theme.LIGHT, "runs-view-ko.png", "model#runs"));
        shots.add(new Shot(sample, Locale.ENGLISH, Theme.DARK, "insights-view-dark-en.png", "insights"));
        shots.add(new Shot(sample, Locale.ENGLISH, Theme.LIGHT, "registry-view-en.png", "model#registry"));
        shots.add(new Shot(pipeline, Locale.ENGLISH, Theme.LIGHT, "pipeline-en.png", "gate#4"));
        shots.add(new Shot(sample, Locale.KOREAN, Theme.LIGHT, "registry-view-ko.png", "model#registry"));
        shots.add(new Shot(sample, Locale.ENGLISH, Theme.LIGHT, "deploy-view-en.png", "model#deploy"));
        shots.add(new Shot(monitoring, Locale.ENGLISH, Theme.LIGHT, "monitor-view-en.png", "watch#monitor"));
        shots.add(new Shot(sample, Locale.ENGLISH, Theme.LIGHT, "connections-en.png", "import#connections"));
        Path stores = forecastProject(false);
        Path built = forecastProject(true);
        shots.add(new Shot(built, Locale.ENGLISH, Theme.LIGHT, "forecast-build-en.png", "forecast"));
        shots.add(new Shot(built, Locale.KOREAN, Theme.LIGHT, "forecast-build-ko.png", "forecast"));
        shots.add(new Shot(stores, Locale.ENGLISH, Theme.LIGHT, "forecast-view-en.png", "forecast"));
        shots.add(new Shot(stores, Locale.KOREAN, Theme.LIGHT, "forecast-view-ko.png", "forecast"));
        Path retail = Path.of("projects-sample/retail-forecast/retail-forecast.flow").toAbsolutePath();
        shots.add(new Shot(retail, Locale.ENGLISH, Theme.LIGHT, "forecast-whatif-en.png", "forecast#whatif"));
        shots.add(new Shot(retail, Locale.KOREAN, Theme.LIGHT, "forecast-whatif-ko.png", "forecast#whatif"));
        shots.add(new Shot(sample, Locale.KOREAN, Theme.LIGHT, "connections-ko.png", "import#connections"));
        shots.add(new Shot(monitoring, Locale.ENGLISH, Theme.LIGHT, "monitor-heat-en.png", "watch#monitorheat"));
        shots.add(new Shot(monitoring, Locale.KOREAN, Theme.LIGHT, "monitor-heat-ko.png", "watch#monitorheat"));
        shots.add(new Shot(sample, Locale.KOREAN, Theme.LIGHT, "deploy-view-ko.png", "model#deploy"));
        for (Shot shot : shots) {
            if (shot.file().startsWith(only)) {
                shoot(shot.flow(), shot.locale(), shot.theme(), out.resolve(shot.file()), shot.select());
            }
        }
        Platform.exit();
        System.exit(0);
    }

    private record Shot(Path flow, Locale locale, Theme theme, String file, String select) {
    }

    /**
     * A small project for the forecast shot: four years of monthly sales of two stores, forecast a year ahead by the
     * Forecast node, or ({@code build}) by Build model with problem type forecast.
     */
    private static Path forecastProject(boolean build) throws IOException {
        Path dir = Files.createTempDirectory("tablewise-forecast-shot").resolve("store-forecast");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("sales.csv"), io.tablewise.forecast.StoreSales.csv(2022, 48, 6));
        Path flow = dir.resolve("store-forecast.flow");
        Files.writeString(flow, "{\"format\": \"tablewise.flow\", \"formatVersion\": 1, \"name\": \"Store forecast\", "
                + "\"nodes\": [{\"id\": \"history\", \"type\": \"data.import.csv\", \"typeVersion\": 1, \"params\": "
                + "{\"path\": \"sales.csv\"}, \"ui\": {\"x\": 40.0, \"y\": 80.0}}, {\"id\": \"forecast\", \"type\": "
                + (build ? "\"model.build\", \"typeVersion\": 1, \"label\": \"Build forecast\", \"params\": "
                + "{\"problemType\": \"forecast\", " : "\"model.forecast\", \"typeVersion\": 1, \"params\": {")
                + "\"time\": \"month\", \"target\": \"sales\", "
                + "\"series\": [\"store\"], \"horizon\": 12}, \"ui\": {\"x\": 300.0, \"y\": 80.0}}], \"edges\": "
                + "[{\"from\": {\"node\": \"history\", \"port\": \"table\"}, \"to\": {\"node\": \"forecast\", \"port\": "
                + "\"table\"}}]}");
        return flow;
    }

    private static void shoot(Path flow, Locale locale, Theme theme, Path png, String select) throws Exception {
        Messages.use(locale);
        Path home = Files.createTempDirectory("tablewise-shots");
        // a copy of the sample project, so the shot's runs and outputs stay out of projects-sample
        Path project = home.resolve(flow.getParent().getFileName());
        io.tablewise.sample.ProjectCopy.copy(flow.getParent(), project);
        Path flowCopy = project.resolve(flow.getFileName());
        if (select.endsWith("#registry") || select.endsWith("#deploy")) {
            fillRegistry(home.resolve("registry"), project);
        }
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
            window[0].open(flowCopy);
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
            session[0].editor().selectOnly(Set.of(select.split("#")[0]));
            if (!select.equals("encode") && !select.startsWith("gate")) { // give the model view room, as a user would drag the divider
                stage[0].getScene().getRoot().lookupAll(".split-pane").stream()
                        .map(n -> (javafx.scene.control.SplitPane) n)
                        .filter(sp -> sp.getOrientation() == javafx.geometry.Orientation.VERTICAL)
                        .forEach(sp -> sp.setDividerPositions(0.3));
            }
            window[0].canvas().fitToView();
            if (select.endsWith("#registry")) {
                stage[0].getScene().getRoot().lookupAll(".output-panel").stream()
                        .map(n -> (javafx.scene.control.TabPane) n)
                        .forEach(t -> t.getSelectionModel().select(t.getTabs().stream()
                                .filter(tab -> tab.getText().equals(Messages.get("panel.registry"))).findFirst()
                                .orElseThrow()));
            } else if (select.endsWith("#runs")) {
                sweepForRunsShot(stage[0], session[0]);
            } else if (select.endsWith("#deploy")) {
                startEndpointForShot(stage[0], home);
            } else if (select.endsWith("#explain") || select.endsWith("#bias") || select.endsWith("#pdp")) {
                // the model tab scrolled to a section
                stage[0].getScene().getRoot().applyCss();
                stage[0].getScene().getRoot().layout();
                stage[0].getScene().getRoot().lookupAll(".model-view").forEach(n -> {
                    javafx.scene.control.ScrollPane pane = (javafx.scene.control.ScrollPane) n;
                    javafx.scene.Node section = pane.lookup(select.endsWith("#bias") ? ".bias-section"
                            : select.endsWith("#pdp") ? ".pdp-note" : ".explanation-section");
                    double content = pane.getContent().getBoundsInLocal().getHeight();
                    double view = pane.getViewportBounds().getHeight();
                    double y = section == null ? 0 : pane.getContent().sceneToLocal(section.localToScene(0, 0)).getY();
                    pane.setVvalue(content <= view ? 0 : Math.min(1, y / (content - view)));
                });
            } else if (select.endsWith("#leaderboard")) { // the end of the model tab, where the leaderboard is
                stage[0].getScene().getRoot().applyCss();
                stage[0].getScene().getRoot().layout();
                stage[0].getScene().getRoot().lookupAll(".model-view")
                        .forEach(n -> ((javafx.scene.control.ScrollPane) n).setVvalue(1));
            } else if (select.contains("#monitor") || select.contains("#connections")
                    || select.contains("#whatif")) { // handled below
                return;
            } else if (select.contains("#")) { // a tab of the output panel other than the one that opens first
                stage[0].getScene().getRoot().lookupAll(".output-panel").stream()
                        .map(n -> (javafx.scene.control.TabPane) n)
                        .forEach(t -> t.getSelectionModel().select(Integer.parseInt(select.split("#")[1])));
                // a customer a little away from the typical one, so the contributions show
                stage[0].getScene().getRoot().lookupAll(".predict-view").forEach(n -> {
                    var vm = ((io.tablewise.ui.predict.PredictView) n).viewModel();
                    vm.value("tenure_months").set("3");
                    vm.value("support_calls").set("4");
                    vm.value("satisfaction").set("2");
                });
            }
        });
        if (select.endsWith("#registry")) { // the group, then its champion with its history and a comparison
            Thread.sleep(1500);
            onFx(() -> stage[0].getScene().getRoot().lookupAll(".registry-groups").forEach(n ->
                    ((javafx.scene.control.ListView<?>) n).getSelectionModel().select(0)));
            Thread.sleep(1500);
            onFx(() -> stage[0].getScene().getRoot().lookupAll(".registry-versions").forEach(n ->
                    ((javafx.scene.control.TableView<?>) n).getSelectionModel().select(2)));
            Thread.sleep(1500);
        }
        if (select.endsWith("#deploy")) {
            trafficForShot(stage[0], project);
        }
        if (select.endsWith("#whatif")) { // a promotion on every day of the four weeks ahead, beside the plan
            Thread.sleep(1000);
            onFx(() -> stage[0].getScene().getRoot().lookupAll(".forecast-view").forEach(n -> {
                ((javafx.scene.control.TextField) n.lookup("#what-if-promo")).setText("1");
                ((javafx.scene.control.Button) n.lookup(".what-if-run")).fire();
            }));
            Thread.sleep(12_000);
            onFx(() -> stage[0].getScene().getRoot().lookupAll(".forecast-view").forEach(n -> {
                ((javafx.scene.control.ScrollPane) n).applyCss();
                ((javafx.scene.control.ScrollPane) n).layout();
                ((javafx.scene.control.ScrollPane) n).setVvalue(1);
            }));
        }
        if (select.contains("#monitor")) { // the node's month, then the two shipped months checked from files
            Thread.sleep(2000);
            Path data = flow.getParent().resolve("data");
            onFx(() -> stage[0].getScene().getRoot().lookupAll(".monitor-view").forEach(n -> ((
                    io.tablewise.ui.monitor.MonitorView) n).viewModel().checkFiles(List.of(
                            data.resolve("customers-2026-07.csv"), data.resolve("customers-2027-01.csv")))));
            Thread.sleep(5000);
            onFx(() -> stage[0].getScene().getRoot().lookupAll(".monitor-view").forEach(n -> {
                io.tablewise.ui.monitor.MonitorView view = (io.tablewise.ui.monitor.MonitorView) n;
                view.viewModel().columnProperty().set("monthly_fee");
                if (select.endsWith("heat")) {
                    view.applyCss();
                    view.layout();
                    view.setVvalue(1);
                }
            }));
        }
        if (select.endsWith("#runs")) { // wait for the sweep's runs
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            boolean[] busy = {true};
            while (busy[0] && System.nanoTime() < until) {
                Thread.sleep(300);
                onFx(() -> busy[0] = stage[0].getScene().getRoot().lookupAll(".runs-view").stream()
                        .anyMatch(n -> ((io.tablewise.ui.runs.RunsView) n).viewModel().sweepingProperty().get()));
            }
            onFx(() -> stage[0].getScene().getRoot().lookupAll(".runs-view").forEach(n -> {
                javafx.scene.control.ComboBox<?> m = (javafx.scene.control.ComboBox<?>) n.lookup(".plot-metric");
                @SuppressWarnings("unchecked")
                javafx.scene.control.ComboBox<String> metric = (javafx.scene.control.ComboBox<String>) m;
                metric.setValue("r2");
                // English: the plot under the table; Korean: the toolbar and the table
                ((javafx.scene.control.ScrollPane) n).setVvalue(locale == Locale.KOREAN ? 0 : 1);
            }));
        }
        Stage[] shown = {stage[0]};
        if (select.endsWith("#connections")) { // the connections dialog on a SQLite copy of the sample's customers
            Path db = flowCopy.getParent().resolve("data").resolve("shop.db");
            tech.tablesaw.api.Table rows = io.tablewise.data.DataFiles.read(flowCopy.getParent().resolve("data")
                    .resolve("customers.csv"), io.tablewise.node.ProgressMonitor.NONE).table();
            io.tablewise.data.db.ConnectionSpec spec = new io.tablewise.data.db.ConnectionSpec("shop", "jdbc:sqlite:"
                    + db, null, null);
            io.tablewise.data.db.DatabaseWriter.write(rows, spec, "customers",
                    io.tablewise.data.db.DatabaseWriter.Mode.CREATE, io.tablewise.node.ProgressMonitor.NONE);
            io.tablewise.data.db.DatabaseWriter.write(rows.where(rows.stringColumn("churned").isEqualTo("yes")),
                    spec, "churned_customers", io.tablewise.data.db.DatabaseWriter.Mode.CREATE,
                    io.tablewise.node.ProgressMonitor.NONE);
            System.setProperty("tablewise.home", home.toString());
            onFx(() -> {
                shown[0] = window[0].openConnections();
                io.tablewise.ui.connections.ConnectionsView view = (io.tablewise.ui.connections.ConnectionsView)
                        shown[0].getScene().getRoot();
                view.viewModel().nameProperty().set("shop");
                view.viewModel().urlProperty().set("jdbc:sqlite:" + db);
                view.viewModel().save();
                view.viewModel().test();
            });
            Thread.sleep(3000);
            onFx(() -> shown[0].getScene().getRoot().lookupAll(".connection-tables").forEach(n ->
                    ((javafx.scene.control.ListView<?>) n).getSelectionModel().select(1)));
            Thread.sleep(2000);
        }
        Thread.sleep(1500);
        onFx(() -> {
            WritableImage image = shown[0].getScene().snapshot(null);
            try {
                ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", png.toFile());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            shown[0].close();
            stage[0].close();
            session[0].shutdown();
        });
        System.out.println("wrote " + png);
    }

    /** Opens the Runs tab and sweeps the flow's test share, as an analyst would from the sweep dialog. */
    /**
     * A registry with three versions of the sample's churn model, as a team would have it after a few weeks: the
     * first approved and champion, the second rejected, the third pending as challenger. The studio reads it as the
     * user's default registry.
     */
    private static void fillRegistry(Path folder, Path project) throws Exception {
        System.setProperty("tablewise.registry", folder.toString());
        tech.tablesaw.api.Table rows = new io.tablewise.data.csv.DelimitedReader().read(
                project.resolve("data/customers.csv"), io.tablewise.data.csv.CsvOptions.defaults(),
                io.tablewise.node.ProgressMonitor.NONE).table();
        try (io.tablewise.registry.Registry r = io.tablewise.registry.Registry.open(
                io.tablewise.registry.RegistryLocation.defaultLocation())) {
            String[][] versions = {{"xgboost", "Weekly retrain, all regions", "approved", "champion"},
                {"cart", "One tree, easier to explain", "rejected", ""},
                {"liblinear", "Logistic regression for the pricing team", "pending", "challenger"}};
            for (String[] v : versions) {
                Path model = folder.resolveSibling("built-" + v[0]);
                io.tablewise.model.ModelFiles.save(io.tablewise.model.ModelBuilder.build(rows,
                        new io.tablewise.model.BuildOptions("churned", null, java.util.List.of("customer_id"), null,
                                0.2, 42).withAlgorithm(v[0]), io.tablewise.node.ProgressMonitor.NONE), model);
                io.tablewise.registry.ModelVersion mv = r.register(model, new io.tablewise.registry.Registry
                        .Registration("churn", v[1], java.util.List.of(), "pending", null, null, null));
                if (!v[2].equals("pending")) {
                    r.setStatus(mv.ref(), v[2], v[2].equals("approved") ? "AUC holds on the March holdout"
                            : "misses the small plans");
                }
                if (!v[3].isEmpty()) {
                    r.setAlias(mv.ref(), v[3]);
                }
            }
        }
    }

    /** The Deploy tab serving the registry's champion and challenger 80/20 with a shadow, captured. */
    private static void startEndpointForShot(Stage stage, Path home) {
        stage.getScene().getRoot().lookupAll(".output-panel").stream().map(n -> (javafx.scene.control.TabPane) n)
                .forEach(t -> t.getSelectionModel().select(t.getTabs().stream()
                        .filter(tab -> tab.getText().equals(Messages.get("panel.deploy"))).findFirst().orElseThrow()));
        stage.getScene().getRoot().lookupAll(".split-pane").stream().map(n -> (javafx.scene.control.SplitPane) n)
                .forEach(sp -> { // the panel gets the window, as an analyst drags the dividers for a dashboard
                    if (sp.getOrientation() == javafx.geometry.Orientation.VERTICAL) {
                        sp.setDividerPositions(0.0);
                    } else if (sp.getDividers().size() == 2) {
                        sp.setDividerPositions(0.13, 1.0);
                    }
                });
        stage.getScene().getRoot().lookupAll(".deploy-view").forEach(n -> {
            io.tablewise.ui.deploy.DeployViewModel vm = ((io.tablewise.ui.deploy.DeployView) n).viewModel();
            vm.variants().get(0).nameProperty().set("champion");
            vm.variants().get(0).modelProperty().set("churn@champion");
            vm.variants().get(0).weightProperty().set(0.8);
            vm.addVariant();
            vm.variants().get(1).nameProperty().set("challenger");
            vm.variants().get(1).modelProperty().set("churn@challenger");
            vm.variants().get(1).weightProperty().set(0.2);
            vm.shadowProperty().set("churn:2");
            vm.portProperty().set(0);
            vm.captureFolderProperty().set(home.resolve("capture").toString());
            vm.start();
        });
    }

    /**
     * Traffic as a client would send it: 1,500 customers with their ids as routing keys, then their outcomes as
     * feedback; a test request from the form; the A/B report.
     */
    private static void trafficForShot(Stage stage, Path project) throws Exception {
        io.tablewise.ui.deploy.DeployViewModel[] vm = new io.tablewise.ui.deploy.DeployViewModel[1];
        onFx(() -> stage.getScene().getRoot().lookupAll(".deploy-view").forEach(n ->
                vm[0] = ((io.tablewise.ui.deploy.DeployView) n).viewModel()));
        String[] url = {""};
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (url[0].isEmpty() && System.nanoTime() < until) {
            Thread.sleep(200);
            onFx(() -> url[0] = vm[0].urlProperty().get());
        }
        tech.tablesaw.api.Table rows = new io.tablewise.data.csv.DelimitedReader().read(
                project.resolve("data/customers.csv"), io.tablewise.data.csv.CsvOptions.defaults(),
                io.tablewise.node.ProgressMonitor.NONE).table();
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        List<Map<String, Object>> feedback = new ArrayList<>();
        List<Map<String, Object>> first = new ArrayList<>(); // the first customer, sent again while the shot is taken
        for (int r = 0; r < 1500; r++) {
            Map<String, Object> row = io.tablewise.serve.JsonRows.row(rows, r, "churned");
            if (first.isEmpty()) {
                first.add(row);
            }
            var answer = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url[0] + "/invocations"))
                    .header("X-Routing-Key", String.valueOf(row.get("customer_id")))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(json.writeValueAsString(
                            Map.of("rows", List.of(row))))).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            feedback.add(Map.of("requestId", json.readTree(answer.body()).get("requestId").asText(), "actual",
                    rows.stringColumn("churned").get(r)));
            if (r % 100 == 0) {
                Thread.sleep(40);
            }
        }
        http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url[0] + "/feedback"))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(json.writeValueAsString(
                        Map.of("feedback", feedback)))).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        onFx(() -> stage.getScene().getRoot().lookupAll(".deploy-send")
                .forEach(n -> ((javafx.scene.control.Button) n).fire()));
        Thread.sleep(1500);
        onFx(() -> vm[0].abReport());
        Thread.sleep(2500);
        // traffic goes on while the shot is taken, so the live rates show
        byte[] one = json.writeValueAsBytes(Map.of("rows", first));
        Thread load = new Thread(() -> {
            for (int i = 0; i < 3000; i++) {
                try {
                    http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url[0] + "/invocations"))
                            .header("X-Routing-Key", "C" + i).POST(java.net.http.HttpRequest.BodyPublishers
                                    .ofByteArray(one)).build(), java.net.http.HttpResponse.BodyHandlers.discarding());
                    Thread.sleep(4);
                } catch (Exception e) {
                    return;
                }
            }
        });
        load.setDaemon(true);
        load.start();
        Thread.sleep(2500);
    }

    private static void sweepForRunsShot(Stage stage, StudioSession session) {
        stage.getScene().getRoot().lookupAll(".output-panel").stream().map(n -> (javafx.scene.control.TabPane) n)
                .forEach(t -> t.getSelectionModel().select(t.getTabs().stream()
                        .filter(tab -> tab.getText().equals(Messages.get("panel.runs"))).findFirst().orElseThrow()));
        stage.getScene().getRoot().lookupAll(".runs-view").forEach(n -> ((io.tablewise.ui.runs.RunsView) n)
                .viewModel().startSweep(session.editor().flow(), session.editor().fileProperty().get(),
                        Map.of("testShare", List.of("0.1", "0.15", "0.25", "0.3", "0.4"))));
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
