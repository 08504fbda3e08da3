package io.tablewise.ui;

import static io.tablewise.ui.StudioFixture.fx;
import static io.tablewise.ui.StudioFixture.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * Long result pages need room: a result tab opens in a window of its own (two stay side by side, the model's and the
 * insights'), and the results panel can take the window's whole height and give it back.
 */
class ResultWindowsUiTest extends SampleStudioUiTest {
    @Override
    String project() {
        return "customer-churn";
    }

    @Test
    void resultsOpenInTheirOwnWindowsAndThePanelMaximises(FxRobot robot) throws Exception {
        studio.runAllUntilDone("model");
        studio.clickCard(robot, "model");
        Tab model = studio.showTab(robot, "Model");
        fire(model);
        fx(() -> { // the model's window now covers the canvas: selected as a click on the card would
            studio.session.editor().selectOnly(java.util.Set.of("insights"));
            return null;
        });
        Tab insights = studio.showTab(robot, "Insights");
        fire(insights);
        waitFor(() -> windows().size() == 2, "two result windows");
        List<Stage> open = fx(this::windows);
        assertTrue(open.stream().anyMatch(s -> s.getTitle().endsWith("— Model")
                && !s.getScene().getRoot().lookupAll(".model-view").isEmpty()), "the model's page in a window");
        assertTrue(open.stream().anyMatch(s -> s.getTitle().endsWith("— Insights")
                && !s.getScene().getRoot().lookupAll(".metric-cards").isEmpty()
                || !s.getScene().getRoot().lookupAll(".insights-view").isEmpty()), "the insights page in a window");
        assertTrue(open.stream().allMatch(s -> s.getOwner() == studio.stage && s.getHeight() >= 700),
                "tall windows of the studio's");

        // an export's "wrote … rows" is information, not a warning: listed apart and not counted
        fx(() -> {
            studio.session.editor().selectOnly(java.util.Set.of("export"));
            return null;
        });
        TabPane panel = robot.lookup(".output-panel").queryAs(TabPane.class);
        Tab warnings = fx(() -> panel.getTabs().stream().filter(t -> t.getText().startsWith("Warnings")).findFirst()
                .orElseThrow());
        waitFor(() -> warnings.getContent() instanceof javafx.scene.control.ListView<?> l && !l.getItems().isEmpty(),
                "the export's messages");
        assertEquals("Warnings", fx(warnings::getText), "no warnings to count");
        List<?> lines = fx(() -> List.copyOf(((javafx.scene.control.ListView<?>) warnings.getContent()).getItems()));
        assertEquals("Information (not warnings):", lines.get(0));
        assertTrue(String.valueOf(lines.get(1)).startsWith("ℹ wrote"), lines.toString());

        SplitPane vertical = fx(() -> (SplitPane) robot.lookup(".output-panel").queryAs(TabPane.class).getParent()
                .getParent());
        double before = fx(() -> vertical.getDividerPositions()[0]);
        fx(() -> {
            studio.window.toggleResultsMaximised();
            return null;
        });
        assertTrue(fx(() -> vertical.getDividerPositions()[0]) < 0.1, "the panel takes the height");
        fx(() -> {
            studio.window.toggleResultsMaximised();
            return null;
        });
        assertEquals(before, fx(() -> vertical.getDividerPositions()[0]), 0.01, "and gives it back");
        fx(() -> {
            windows().forEach(Stage::close);
            return null;
        });
    }

    private List<Stage> windows() {
        return Window.getWindows().stream().filter(w -> w instanceof Stage s && s != studio.stage && s.isShowing()
                && s.getTitle() != null && s.getTitle().contains("—")).map(w -> (Stage) w).toList();
    }

    private static void fire(Tab tab) throws Exception {
        fx(() -> {
            MenuItem open = tab.getContextMenu().getItems().stream()
                    .filter(i -> i.getStyleClass().contains("open-in-window")).findFirst().orElseThrow();
            open.fire();
            return null;
        });
    }
}
