package io.tablewise.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javafx.application.Platform;
import javafx.scene.control.DialogPane;
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
import io.tablewise.flow.NodeInstance;
import io.tablewise.flow.UiPosition;
import io.tablewise.flow.json.FlowWriter;
import io.tablewise.ui.run.NodeStatus;
import io.tablewise.ui.theme.Theme;

/** Opening flows that are partly broken, or too new: shown on the canvas and in a message, nothing lost. */
@ExtendWith(ApplicationExtension.class)
class StudioOpenUiTest {
    @TempDir
    static Path dir;
    private StudioFixture studio;
    private StudioSession session;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        studio = new StudioFixture(stage, dir.resolve("home"), Theme.DARK, 1200, 800);
        session = studio.session;
        window = studio.window;
    }

    @Stop
    void stop() {
        studio.close();
    }

    @Test
    void unknownNodeTypesAndMissingFilesAreMarkedAndASaveKeepsEveryByte(FxRobot robot) throws Exception {
        Flow flow = new Flow("broken", "", Map.of(), List.of(
                new NodeInstance("in", "data.import.csv", 1, "Customers", Map.of("path", "data/missing.csv"),
                        new UiPosition(40, 40)),
                new NodeInstance("magic", "vendor.magic.wand", 7, "Magic", Map.of("spell", "abracadabra",
                        "power", 9L), new UiPosition(300, 40))),
                List.of(Edge.of("in", "table", "magic", "table")));
        Path file = dir.resolve("broken.flow");
        Files.writeString(file, new FlowWriter().toJson(flow), StandardCharsets.UTF_8);
        byte[] original = Files.readAllBytes(file);

        assertTrue(fx(() -> window.open(file)));
        waitFor(() -> session.runs().analysedFlowProperty().get() == session.editor().flow(), "validation");
        assertEquals(1, robot.lookup(".node-unknown").queryAll().size());
        NodeStatus in = fx(() -> session.runs().statuses().get("in"));
        assertEquals(NodeStatus.Light.INVALID, in.light());
        assertTrue(in.message().contains("missing.csv"), in.message());
        assertEquals(NodeStatus.Light.INVALID, fx(() -> session.runs().statuses().get("magic").light()));

        robot.clickOn(fx(() -> window.canvas().localToScreen(
                window.canvas().cardCentreInView("magic").orElseThrow())));
        assertTrue(robot.lookup(".inspector .problem").queryAll().stream()
                .anyMatch(n -> n instanceof javafx.scene.control.Label l && l.getText().contains("vendor.magic.wand")));

        assertTrue(fx(() -> window.saveTo(file)));
        assertArrayEquals(original, Files.readAllBytes(file));
        assertArrayEquals(original, Files.readAllBytes(dir.resolve("broken.flow.bak")));
    }

    @Test
    void aFlowFromANewerVersionIsRefusedWithAMessageAndTheOpenFlowStays(FxRobot robot) throws Exception {
        Path newer = dir.resolve("newer.flow");
        Files.writeString(newer, "{\"format\": \"tablewise.flow\", \"formatVersion\": 99, \"name\": \"x\","
                + " \"nodes\": [], \"edges\": []}");
        fx(() -> {
            session.editor().addNode("data.import.csv", 0, 0);
            return null;
        });
        Flow before = fx(() -> session.editor().flow());
        boolean[] opened = {true};
        Platform.runLater(() -> opened[0] = window.open(newer)); // the refusal waits for its OK
        waitFor(() -> !robot.lookup(".dialog-pane").queryAll().isEmpty(), "the unsaved-changes question");
        DialogPane ask = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertTrue(ask.getHeaderText().contains("Save changes"), ask.getHeaderText());
        robot.clickOn("Don't save");
        waitFor(() -> robot.lookup(".dialog-pane").queryAll().stream()
                .anyMatch(n -> ((DialogPane) n).getHeaderText().startsWith("Cannot open")), "the refusal");
        DialogPane refusal = robot.lookup(".dialog-pane").match(n -> ((DialogPane) n).getHeaderText()
                .startsWith("Cannot open")).queryAs(DialogPane.class);
        assertTrue(refusal.getContentText().contains("newer.flow") && refusal.getContentText().contains("99"),
                refusal.getContentText());
        robot.clickOn("OK");
        waitFor(() -> robot.lookup(".dialog-pane").queryAll().isEmpty(), "the dialog to close");
        assertFalse(opened[0]);
        assertEquals(before, fx(() -> session.editor().flow()));
    }
}
