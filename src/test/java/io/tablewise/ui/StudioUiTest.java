package io.tablewise.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeCell;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;

import static io.tablewise.ui.StudioFixture.fx;
import static io.tablewise.ui.StudioFixture.waitFor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

import io.tablewise.flow.Edge;
import io.tablewise.flow.Flow;
import io.tablewise.sample.ChurnGenerator;
import io.tablewise.ui.run.NodeStatus;
import io.tablewise.ui.theme.Theme;

/**
 * The studio with real mouse gestures, headless (Monocle): drag two nodes from the palette, connect them, set
 * parameters in the inspector, run, see the grid fill, undo and redo every step, save, reopen and compare bytes.
 */
@ExtendWith(ApplicationExtension.class)
class StudioUiTest {
    @TempDir
    static Path dir;
    private StudioFixture studio;
    private StudioSession session;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        ChurnGenerator.write(dir.resolve("customers.csv"), 500, 11);
        studio = new StudioFixture(stage, dir.resolve("home"), Theme.LIGHT, 1400, 900);
        session = studio.session;
        window = studio.window;
        assertTrue(window.saveTo(dir.resolve("studio.flow")));
    }

    @Stop
    void stop() {
        studio.close();
    }

    private Flow flow() throws Exception {
        return fx(() -> session.editor().flow());
    }

    private Point2D onScreen(Point2D canvasPoint) throws Exception {
        return fx(() -> window.canvas().localToScreen(canvasPoint));
    }

    private void dragFromPalette(FxRobot robot, String search, String name, Point2D canvasPoint) throws Exception {
        TextField field = fx(() -> window.palette().searchField());
        robot.clickOn(field).eraseText(30).write(search);
        Node cell = robot.lookup(".palette-node").match(n -> n instanceof TreeCell<?> c && name.equals(c.getText()))
                .query();
        robot.drag(cell, MouseButton.PRIMARY).dropTo(onScreen(canvasPoint));
    }

    @Test
    void buildRunUndoRedoSaveAndReopen(FxRobot robot) throws Exception {
        // Monocle remembers the window the mouse was last over, even one an earlier test closed: hover ours first.
        robot.moveTo(onScreen(new Point2D(500, 400))).clickOn(onScreen(new Point2D(500, 400)));
        // 1. two nodes dragged from the palette
        dragFromPalette(robot, "csv", "Import CSV / text", new Point2D(250, 150));
        waitFor(() -> session.editor().flow().nodes().size() == 1, "the import node");
        dragFromPalette(robot, "sort", "Sort rows", new Point2D(600, 300));
        waitFor(() -> session.editor().flow().nodes().size() == 2, "the sort node");
        String importId = flow().nodes().get(0).id();
        String sortId = flow().nodes().get(1).id();
        assertEquals("data.import.csv", flow().nodes().get(0).type());
        assertEquals("transform.rows.sort", flow().nodes().get(1).type());

        // 2. connected by dragging from the output port to the input port
        Point2D out = fx(() -> window.canvas().portInView(importId, "table", false).orElseThrow());
        Point2D in = fx(() -> window.canvas().portInView(sortId, "table", true).orElseThrow());
        robot.drag(onScreen(out), MouseButton.PRIMARY).dropTo(onScreen(in));
        waitFor(() -> session.editor().flow().edges().size() == 1, "the edge");
        assertEquals(Edge.of(importId, "table", sortId, "table"), flow().edges().get(0));

        // 3. parameters set in the inspector
        robot.clickOn(onScreen(fx(() -> window.canvas().cardCentreInView(importId).orElseThrow())));
        TextField path = robot.lookup("#param-path .text-field").queryAs(TextField.class);
        robot.clickOn(path).write("customers.csv").type(KeyCode.ENTER);
        waitFor(() -> "customers.csv".equals(session.editor().flow().node(importId).orElseThrow()
                .params().get("path")), "the path parameter");
        robot.clickOn(onScreen(fx(() -> window.canvas().cardCentreInView(sortId).orElseThrow())));
        waitFor(() -> session.inspector().fields(sortId).get(0).columns().contains("tenure_months"),
                "the column list from the import");
        org.controlsfx.control.CheckListView<?> list = robot.lookup("#param-columns .columns-picker")
                .queryAs(org.controlsfx.control.CheckListView.class);
        fx(() -> {
            list.scrollTo(list.getItems().indexOf("tenure_months"));
            return null;
        });
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        robot.scroll(0, javafx.geometry.VerticalDirection.UP);
        Node tenure = robot.lookup("#param-columns .list-cell")
                .match(c -> c instanceof javafx.scene.control.Cell<?> cell && "tenure_months".equals(cell.getItem()))
                .lookup(".check-box").query();
        robot.moveTo(tenure).clickOn(tenure);
        waitFor(() -> List.of("tenure_months").equals(session.editor().flow().node(sortId).orElseThrow()
                .params().get("columns")), "the sort column");
        robot.clickOn(robot.lookup("#param-descending").queryAs(CheckBox.class));
        waitFor(() -> Boolean.TRUE.equals(session.editor().flow().node(sortId).orElseThrow().params()
                .get("descending")), "descending");

        // 4. run, and the grid fills with the sorted table
        robot.clickOn("#run-all");
        waitFor(() -> session.runs().statuses().get(sortId) != null
                && session.runs().statuses().get(sortId).light() == NodeStatus.Light.DONE
                && !session.runs().runningProperty().get(), "the run");
        waitFor(() -> window.grid().shownRows() == 500, "the grid");
        // the grid's first column is the row number, then the table's columns in order
        int tenureColumn = List.of(ChurnGenerator.HEADER.split(",")).indexOf("tenure_months") + 1;
        assertEquals(16, fx(() -> window.grid().tableView().getColumns().size()));
        assertTrue(tenureColumn > 0);
        double first = Double.parseDouble(fx(() -> String.valueOf(
                window.grid().tableView().getColumns().get(tenureColumn).getCellData(0))));
        double last = Double.parseDouble(fx(() -> String.valueOf(
                window.grid().tableView().getColumns().get(tenureColumn).getCellData(499))));
        assertTrue(first >= last && first >= 24, first + " then " + last);
        assertEquals(1, fx(() -> robot.lookup(".light-done").queryAll().size() >= 2 ? 1 : 0));

        // 5. undo every step with the keyboard, then redo them all
        Flow built = flow();
        String builtJson = new io.tablewise.flow.json.FlowWriter().toJson(built);
        robot.clickOn(onScreen(new Point2D(900, 60)));
        int steps = 0;
        while (fx(() -> session.editor().canUndoProperty().get())) {
            robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
            steps++;
            assertTrue(steps < 20, "undo does not stop");
        }
        assertEquals(6, steps, "add, add, connect, path, columns, descending");
        assertTrue(flow().nodes().isEmpty());
        for (int i = 0; i < steps; i++) {
            robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.Z).release(KeyCode.SHIFT, KeyCode.CONTROL);
        }
        assertEquals(builtJson, new io.tablewise.flow.json.FlowWriter().toJson(flow()));

        // 6. save with Ctrl+S, reopen, save again: the same bytes
        robot.press(KeyCode.CONTROL).type(KeyCode.S).release(KeyCode.CONTROL);
        waitFor(() -> !session.editor().dirtyProperty().get(), "the save");
        byte[] saved = Files.readAllBytes(dir.resolve("studio.flow"));
        assertEquals(builtJson, new String(saved, java.nio.charset.StandardCharsets.UTF_8));
        assertTrue(fx(() -> window.open(dir.resolve("studio.flow"))));
        assertTrue(fx(() -> window.saveTo(dir.resolve("again.flow"))));
        assertArrayEquals(saved, Files.readAllBytes(dir.resolve("again.flow")));
        assertFalse(fx(() -> session.editor().dirtyProperty().get()));
        assertTrue(fx(() -> window.canvas().cardCentreInView(sortId)).isPresent());
    }
}
