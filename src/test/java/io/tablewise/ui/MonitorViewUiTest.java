package io.tablewise.ui;

import static io.tablewise.ui.StudioFixture.fx;
import static io.tablewise.ui.StudioFixture.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;

import org.jfree.data.category.DefaultCategoryDataset;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import io.tablewise.monitor.Finding;
import io.tablewise.monitor.MonitorReport;
import io.tablewise.ui.export.ExportDialogs;
import io.tablewise.ui.monitor.MonitorView;
import io.tablewise.ui.monitor.MonitorViewModel;

/**
 * The Monitor tab of the churn-monitoring sample: the Monitor node's month is checked as soon as the node is
 * selected; two months checked from files make a heat map whose red cell, clicked, overlays that column's training
 * and batch distributions; the report is saved as HTML.
 */
class MonitorViewUiTest extends SampleStudioUiTest {
    private static final Path DATA = Path.of("projects-sample/churn-monitoring/data");

    @Override
    String project() {
        return "churn-monitoring";
    }

    @Test
    void theMonthsAreCheckedAndTheDriftedCellOverlaysItsDistributions(FxRobot robot) throws Exception {
        fx(() -> {
            studio.session.runs().runAll();
            return null;
        });
        // the node warns of a fee out of the training range, so it ends with a warning light, not a plain done
        waitFor(() -> !studio.session.runs().runningProperty().get() && studio.session.runs().result("watch")
                .filter(r -> r.state() == io.tablewise.engine.NodeState.DONE).isPresent(), "the run of watch");
        studio.clickCard(robot, "watch");
        TabPane panel = robot.lookup(".output-panel").queryAs(TabPane.class);
        waitFor(() -> panel.getSelectionModel().getSelectedItem().getText().equals("Monitor"), "the monitor tab");
        MonitorView view = robot.lookup(".monitor-view").queryAs(MonitorView.class);
        MonitorViewModel vm = view.viewModel();
        // the rows that reached the node: the month like the training one, no violation
        waitFor(() -> !vm.runningProperty().get() && vm.reports().size() == 1, "the node's month");
        MonitorReport month = fx(() -> vm.reports().get(0));
        assertEquals("This month's customers", month.batch());
        assertEquals(2000, month.rows());
        assertEquals(0, month.violations(), month.findings().toString());
        assertEquals("This month's customers: 2,000 rows, 0 violation(s), " + month.findings().stream()
                .filter(f -> f.severity() == Finding.Severity.WARNING).count() + " warning(s)",
                robot.lookup(".monitor-headline").queryAs(Label.class).getText());

        // two months from files: the second, after a price rise, drifts
        fx(() -> {
            vm.checkFiles(List.of(DATA.resolve("customers-2026-07.csv"), DATA.resolve("customers-2027-01.csv")));
            return null;
        });
        waitFor(() -> !vm.runningProperty().get() && vm.reports().size() == 2, "the two months");
        MonitorReport later = fx(() -> vm.reports().get(1));
        assertEquals("customers-2027-01.csv", later.batch());
        assertTrue(later.drifted().contains("monthly_fee"), later.drifted().toString());
        assertEquals(1, fx(() -> vm.batchProperty().get()), "the latest batch is shown");
        TableView<?> findings = robot.lookup(".monitor-findings").queryAs(TableView.class);
        assertEquals(later.findings(), fx(() -> List.copyOf(findings.getItems())));
        int cells = vm.columns().size() * 2;
        assertEquals(cells, robot.lookup(".monitor-heat .heat-cell").queryAll().size());
        // every red cell is a drifted column of its batch, and only those
        List<String> red = robot.lookup(".monitor-heat .heat-drift").queryAll().stream()
                .map(n -> (String) n.getUserData()).sorted().toList();
        List<String> drifted = new java.util.ArrayList<>();
        for (int b = 0; b < 2; b++) {
            for (MonitorReport.ColumnDrift d : fx(() -> List.copyOf(vm.reports())).get(b).drift()) {
                if (d.drift().drifted()) {
                    drifted.add(d.column() + "@" + b);
                }
            }
        }
        assertEquals(drifted.stream().sorted().toList(), red);
        assertTrue(red.contains("monthly_fee@1"), red.toString());

        // a click on the first month's contract cell, then on the later month's fee cell
        Node contract = robot.lookup(".monitor-heat .heat-cell").match(n -> "contract@0".equals(n.getUserData()))
                .query();
        StudioFixture.reveal(contract);
        robot.clickOn(contract);
        waitFor(() -> vm.batchProperty().get() == 0 && "contract".equals(vm.columnProperty().get()), "contract@0");
        Node fee = robot.lookup(".monitor-heat .heat-cell").match(n -> "monthly_fee@1".equals(n.getUserData()))
                .query();
        StudioFixture.reveal(fee);
        robot.clickOn(fee);
        waitFor(() -> vm.batchProperty().get() == 1 && "monthly_fee".equals(vm.columnProperty().get()),
                "monthly_fee@1");
        MonitorReport.ColumnDrift d = fx(() -> vm.drift(1, "monthly_fee"));
        DefaultCategoryDataset data = fx(view::overlayData);
        assertEquals(List.of("training", "customers-2027-01.csv"), data.getRowKeys());
        assertEquals(d.overlay().bins(), data.getColumnKeys());
        for (int i = 0; i < d.overlay().bins().size(); i++) {
            assertEquals(100 * d.overlay().baseline()[i], data.getValue(0, i).doubleValue(), 1e-9);
            assertEquals(100 * d.overlay().batch()[i], data.getValue(1, i).doubleValue(), 1e-9);
        }
        // the fees went up: the batch has more of its values in the top bins than training had
        int top = d.overlay().bins().size() - 1;
        assertTrue(d.overlay().batch()[top] > d.overlay().baseline()[top] + 0.05, d.overlay().toString());

        // saved as HTML through the save button
        Path html = dir.resolve("drift.html");
        ExportDialogs.useChooser((owner, name, ext) -> Optional.of(html));
        Node save = robot.lookup(".monitor-save").query();
        StudioFixture.reveal(save);
        robot.clickOn(save);
        waitFor(() -> Files.exists(html) && vm.messageProperty().get().contains("drift.html"), "the saved report");
        String page = Files.readString(html);
        assertTrue(page.contains("customers-2027-01.csv") && page.contains("monthly_fee"), page);
    }
}
