package io.tablewise.ui;

import static io.tablewise.ui.StudioFixture.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import javafx.scene.Node;
import javafx.scene.control.TabPane;

import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import tech.tablesaw.api.Table;

import io.tablewise.data.csv.CsvOptions;
import io.tablewise.data.csv.DelimitedReader;
import io.tablewise.insights.ColumnProfile;
import io.tablewise.insights.InsightsReport;
import io.tablewise.node.ProgressMonitor;
import io.tablewise.ui.export.ChartBox;
import io.tablewise.ui.export.ExportDialogs;
import io.tablewise.ui.export.TableBox;

/** The Insights tab of the churn sample: its charts carry the report's series; search, detail and exports work. */
class InsightsViewUiTest extends SampleStudioUiTest {
    @Override
    String project() {
        return "customer-churn";
    }

    @Test
    void insightsTabShowsTheReportAndExportsIt(FxRobot robot) throws Exception {
        ExportDialogs.useChooser((owner, name, ext) -> Optional.of(dir.resolve("exports").resolve(name + "." + ext)));
        studio.runAllUntilDone("insights");
        studio.clickCard(robot, "insights");
        TabPane panel = robot.lookup(".output-panel").queryAs(TabPane.class);
        waitFor(() -> panel.getSelectionModel().getSelectedItem().getText().equals("Insights"), "the insights tab");
        InsightsReport report = (InsightsReport) studio.output("insights", "report");

        ChartBox power = chart(robot, Messages.get("insights.power"));
        CategoryPlot bars = (CategoryPlot) power.chart().getPlot();
        assertEquals(Math.min(20, report.predictionPower().size()), bars.getDataset().getColumnCount());
        for (int i = 0; i < bars.getDataset().getColumnCount(); i++) {
            assertEquals(report.predictionPower().get(i).column(), bars.getDataset().getColumnKey(i));
            assertEquals(report.predictionPower().get(i).score(), bars.getDataset().getValue(0, i).doubleValue());
        }
        ChartBox heat = chart(robot, Messages.get("insights.correlations", report.correlations().sampleRows()));
        int n = report.correlations().columns().size();
        assertEquals(n * n, ((XYPlot) heat.chart().getPlot()).getDataset().getItemCount(0));
        assertEquals(report.columns().size(), robot.lookup(".insights-view .column-card").queryAll().size());

        // the last card's detail opens above the cards and is scrolled into view
        List<Node> cards = List.copyOf(robot.lookup(".insights-view .column-card").queryAll());
        Node last = cards.get(cards.size() - 1);
        StudioFixture.reveal(last);
        robot.clickOn(last);
        javafx.scene.layout.VBox detail = robot.lookup(".insights-view .column-detail").queryAs(
                javafx.scene.layout.VBox.class);
        Node view = robot.lookup(".insights-view").query();
        waitFor(() -> !detail.getChildren().isEmpty() && detail.localToScene(detail.getBoundsInLocal()).getMinY()
                >= view.localToScene(view.getBoundsInLocal()).getMinY() - 1, "the detail scrolled into view");

        // search, then open the detail of the one card left
        Node search = robot.lookup(".column-search").query();
        StudioFixture.reveal(search);
        robot.clickOn(search).write("fee");
        waitFor(() -> robot.lookup(".insights-view .column-card").queryAll().size() == 1, "one card");
        Node card = robot.lookup(".insights-view .column-card").query();
        StudioFixture.reveal(card);
        robot.clickOn(card);
        ColumnProfile fee = report.column("monthly_fee");
        ChartBox histogram = chart(robot, Messages.get("insights.histogram", "monthly_fee"));
        XYPlot plot = (XYPlot) histogram.chart().getPlot();
        assertEquals(fee.histogram().bars().size(), plot.getDataset().getItemCount(0));
        long rows = 0;
        for (int i = 0; i < plot.getDataset().getItemCount(0); i++) {
            rows += (long) plot.getDataset().getYValue(0, i);
        }
        assertEquals(fee.count() - fee.missing(), rows, "the bars hold every non-missing value");

        // exports: the detail histogram as SVG, the HTML report, the unusual rows as CSV
        Node svg = histogram.lookup(".export-svg");
        StudioFixture.reveal(svg);
        robot.clickOn(svg);
        Path svgFile = dir.resolve("exports/Distribution of monthly_fee.svg");
        assertTrue(Files.readString(svgFile, StandardCharsets.UTF_8).contains("<svg"));

        Node html = robot.lookup(".export-html").query();
        StudioFixture.reveal(html);
        robot.clickOn(html);
        String page = Files.readString(dir.resolve("exports/customers insights.html"), StandardCharsets.UTF_8);
        assertTrue(page.contains("monthly_fee") && page.contains("<html"), "the HTML report");

        @SuppressWarnings("unchecked")
        TableBox<Object> unusual = (TableBox<Object>) robot.lookup(".insights-view .table-box")
                .match((TableBox<?> t) -> t.titleLabel().getText().startsWith("Most unusual rows")).query();
        Node csv = unusual.lookup(".export-csv");
        StudioFixture.reveal(csv);
        robot.clickOn(csv);
        Path csvFile;
        try (var files = Files.list(dir.resolve("exports"))) {
            csvFile = files.filter(f -> f.toString().endsWith(".csv")).findFirst().orElseThrow();
        }
        Table read = new DelimitedReader().read(csvFile, CsvOptions.defaults(), ProgressMonitor.NONE).table();
        assertEquals(report.anomalies().size(), read.rowCount());
        assertEquals(report.anomalies().get(0).row() + 1, ((Number) read.column(0).get(0)).longValue());
        assertEquals(report.anomalies().get(0).values().get(0), read.getString(0, "customer_id"));
    }

    private static ChartBox chart(FxRobot robot, String title) throws Exception {
        waitFor(() -> robot.lookup(".insights-view .chart-box").queryAll().stream()
                .anyMatch(n -> ((ChartBox) n).title().equals(title)), "the chart " + title);
        return (ChartBox) robot.lookup(".insights-view .chart-box").queryAll().stream()
                .filter(n -> ((ChartBox) n).title().equals(title)).findFirst().orElseThrow();
    }
}
