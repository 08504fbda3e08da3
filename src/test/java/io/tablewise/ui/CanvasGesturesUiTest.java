package io.tablewise.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;

import static io.tablewise.ui.StudioFixture.fx;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

import io.tablewise.flow.Flow;
import io.tablewise.flow.NodeInstance;
import io.tablewise.flow.UiPosition;
import io.tablewise.ui.theme.Theme;

/** Canvas gestures with the real mouse and keyboard: rubber band, shift-click, copy/paste, rename, pan, zoom. */
@ExtendWith(ApplicationExtension.class)
class CanvasGesturesUiTest {
    @TempDir
    static Path dir;
    private StudioFixture studio;
    private StudioSession session;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        studio = new StudioFixture(stage, dir.resolve("home"), Theme.LIGHT, 1300, 850);
        session = studio.session;
        window = studio.window;
        session.editor().load(new Flow("g", "", Map.of(), List.of(
                node("a", "data.import.csv", 40, 40), node("b", "transform.rows.sort", 300, 40),
                node("c", "insights.report", 40, 240)), List.of()), dir.resolve("g.flow"), false);
    }

    private static NodeInstance node(String id, String type, double x, double y) {
        return new NodeInstance(id, type, 1, id.toUpperCase(java.util.Locale.ROOT), Map.of(), new UiPosition(x, y));
    }

    @Stop
    void stop() {
        studio.close();
    }

    private Point2D screen(double canvasX, double canvasY) throws Exception {
        return fx(() -> window.canvas().localToScreen(canvasX, canvasY));
    }

    private Point2D card(String id) throws Exception {
        return fx(() -> window.canvas().localToScreen(window.canvas().cardCentreInView(id).orElseThrow()));
    }

    private Set<String> selection() throws Exception {
        return fx(() -> Set.copyOf(session.editor().selection()));
    }

    @Test
    void rubberBandShiftClickCopyPasteDeleteUndoAndRedo(FxRobot robot) throws Exception {
        // the default view puts world (0, 0) at canvas (40, 40): a band around A and B
        robot.drag(screen(60, 60), MouseButton.PRIMARY).dropTo(screen(560, 160));
        assertEquals(Set.of("a", "b"), selection());
        robot.press(KeyCode.SHIFT).clickOn(card("c")).release(KeyCode.SHIFT);
        assertEquals(Set.of("a", "b", "c"), selection());
        robot.press(KeyCode.SHIFT).clickOn(card("a")).release(KeyCode.SHIFT);
        assertEquals(Set.of("b", "c"), selection());

        robot.press(KeyCode.CONTROL).type(KeyCode.C).type(KeyCode.V).release(KeyCode.CONTROL);
        assertEquals(5, fx(() -> session.editor().flow().nodes().size()));
        assertEquals(2, selection().size());
        assertTrue(selection().stream().noneMatch(Set.of("a", "b", "c")::contains));
        robot.type(KeyCode.DELETE);
        assertEquals(3, fx(() -> session.editor().flow().nodes().size()));
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        assertEquals(5, fx(() -> session.editor().flow().nodes().size()));
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        assertEquals(3, fx(() -> session.editor().flow().nodes().size()));
        robot.press(KeyCode.CONTROL).type(KeyCode.Y).release(KeyCode.CONTROL);
        assertEquals(5, fx(() -> session.editor().flow().nodes().size()));

        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        assertEquals(5, selection().size());
    }

    @Test
    void draggingMovesTheSelectionSnappedAndIncompatiblePortsRefuseWithAReason(FxRobot robot) throws Exception {
        Point2D from = card("b");
        robot.drag(from, MouseButton.PRIMARY).moveBy(53, 67).drop();
        UiPosition moved = fx(() -> session.editor().flow().node("b").orElseThrow().ui());
        assertEquals(new UiPosition(360, 100), moved);

        Point2D report = fx(() -> window.canvas().localToScreen(
                window.canvas().portInView("c", "report", false).orElseThrow()));
        Point2D sortIn = fx(() -> window.canvas().localToScreen(
                window.canvas().portInView("b", "table", true).orElseThrow()));
        robot.drag(report, MouseButton.PRIMARY).dropTo(sortIn);
        assertTrue(fx(() -> session.editor().flow().edges().isEmpty()));
        assertTrue(robot.lookup(".canvas-toast").queryAll().stream().anyMatch(n -> n.isVisible()
                && ((Label) n).getText().contains("cannot go into")));
    }

    @Test
    void doubleClickOnANameRenamesInPlaceAndPanAndZoomMoveTheView(FxRobot robot) throws Exception {
        Point2D title = fx(() -> window.canvas().localToScreen(
                window.canvas().cardCentreInView("a").orElseThrow().add(0, -8)));
        robot.doubleClickOn(title);
        TextField field = robot.lookup(".rename-field").queryAs(TextField.class);
        robot.clickOn(field).press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL)
                .write("고객 데이터").type(KeyCode.ENTER);
        assertEquals("고객 데이터", fx(() -> session.editor().flow().node("a").orElseThrow().label()));

        Point2D before = fx(() -> window.canvas().cardCentreInView("c").orElseThrow());
        robot.moveTo(screen(700, 500)).press(KeyCode.SPACE).drag(MouseButton.PRIMARY).moveBy(-100, -50).drop()
                .release(KeyCode.SPACE);
        Point2D after = fx(() -> window.canvas().cardCentreInView("c").orElseThrow());
        assertEquals(-100, after.getX() - before.getX(), 1.0);
        assertEquals(-50, after.getY() - before.getY(), 1.0);

        double zoom = fx(() -> window.canvas().zoom());
        robot.moveTo(screen(700, 500)).press(KeyCode.CONTROL).scroll(3, javafx.geometry.VerticalDirection.UP)
                .release(KeyCode.CONTROL);
        double up = fx(() -> window.canvas().zoom());
        robot.press(KeyCode.CONTROL).scroll(6, javafx.geometry.VerticalDirection.DOWN).release(KeyCode.CONTROL);
        double down = fx(() -> window.canvas().zoom());
        assertTrue(Math.abs(up - zoom) > 0.2 && (up - zoom) * (down - up) < 0, zoom + " " + up + " " + down);
        // a plain wheel pans instead
        Point2D beforeWheel = fx(() -> window.canvas().cardCentreInView("c").orElseThrow());
        robot.scroll(2, javafx.geometry.VerticalDirection.DOWN);
        assertEquals(down, fx(() -> window.canvas().zoom()));
        assertTrue(fx(() -> window.canvas().cardCentreInView("c").orElseThrow()).getY() != beforeWheel.getY());
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT0).release(KeyCode.CONTROL);
        assertTrue(fx(() -> window.canvas().zoom()) <= 1.0);
    }

    @Test
    void droppedDataFilesBecomeImportNodesWithPathsRelativeToTheFlow() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Path csv = Files.writeString(data.resolve("고객.csv"), "a,b\n1,2\n");
        Path pdf = Files.writeString(data.resolve("notes.pdf"), "%PDF");
        assertTrue(fx(() -> window.canvas().dropFiles(List.of(csv.toFile(), pdf.toFile()), new Point2D(600, 400))));
        NodeInstance added = fx(() -> session.editor().flow().nodes().get(3));
        assertEquals("data.import.csv", added.type());
        assertEquals("data/고객.csv", added.params().get("path"));
        assertEquals("고객.csv", added.label());
    }
}
