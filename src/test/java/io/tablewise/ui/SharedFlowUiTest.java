package io.tablewise.ui;

import static io.tablewise.ui.StudioFixture.fx;
import static io.tablewise.ui.StudioFixture.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javafx.application.Platform;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;

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

/**
 * Opening a shared flow that reads and writes outside its folder: the studio lists those paths and asks once;
 * kept blocked, the nodes say why they cannot run; allowed, the allowance is kept in the user's settings (never in
 * the flow) and the flow runs.
 */
@ExtendWith(ApplicationExtension.class)
class SharedFlowUiTest {
    @TempDir
    static Path dir;
    private StudioFixture studio;

    @Start
    void start(Stage stage) {
        studio = new StudioFixture(stage, dir.resolve("home"), Theme.LIGHT, 1200, 800);
    }

    @Stop
    void stop() {
        studio.close();
    }

    @Test
    void outsidePathsAreShownOnceAndStayBlockedOrAreAllowedOnThisMachine(FxRobot robot) throws Exception {
        Path project = Files.createDirectories(dir.resolve("project"));
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("sales.csv"), "region,amount\n서울,10\n부산,20\n", StandardCharsets.UTF_8);
        Flow flow = new Flow("Innocent sales report", "", Map.of(), List.of(
                new NodeInstance("in", "data.import.csv", 1, "Sales", Map.of("path", "../elsewhere/sales.csv"),
                        new UiPosition(40, 40)),
                new NodeInstance("out", "data.export.csv", 1, "Copy", Map.of("path", "../elsewhere/copy.csv"),
                        new UiPosition(300, 40))),
                List.of(Edge.of("in", "table", "out", "table")));
        Path file = project.resolve("report.flow");
        Files.writeString(file, new FlowWriter().toJson(flow), StandardCharsets.UTF_8);
        String saved = Files.readString(file);

        Platform.runLater(() -> studio.window.open(file));
        DialogPane ask = question(robot);
        assertTrue(ask.getContentText().contains(elsewhere.resolve("sales.csv").toString())
                && ask.getContentText().contains(elsewhere.resolve("copy.csv").toString()), ask.getContentText());
        fx(() -> {
            // a picture of the question, to look at as a user would (target/shared-flow-question.png)
            javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(ask.getScene().snapshot(null),
                    null), "png", Path.of("target/shared-flow-question.png").toFile());
            return null;
        });
        robot.clickOn("Keep blocked");
        waitFor(() -> robot.lookup(".dialog-pane").queryAll().isEmpty(), "the question to close");
        waitFor(() -> studio.session.runs().statuses().get("in") != null
                && studio.session.runs().statuses().get("in").light() == NodeStatus.Light.INVALID,
                "the import to be marked");
        String why = fx(() -> studio.session.runs().statuses().get("in").message());
        assertTrue(why.contains("outside the flow's folder"), why);
        assertTrue(studio.session.settings().pathGrants().readFiles().isEmpty());

        Platform.runLater(() -> studio.window.open(file));
        question(robot);
        robot.clickOn("Allow on this computer");
        waitFor(() -> robot.lookup(".dialog-pane").queryAll().isEmpty(), "the question to close");
        assertEquals(List.of(elsewhere.resolve("sales.csv")), studio.session.settings().pathGrants().readFiles());
        assertEquals(List.of(elsewhere), studio.session.settings().pathGrants().writeDirs());
        studio.runAllUntilDone("out");
        assertEquals("region,amount\r\n서울,10\r\n부산,20\r\n", Files.readString(elsewhere.resolve("copy.csv")));
        assertEquals(saved, Files.readString(file), "nothing about the allowance is written into the flow");
    }

    private static DialogPane question(FxRobot robot) throws Exception {
        waitFor(() -> robot.lookup(".dialog-pane").queryAll().stream()
                .anyMatch(n -> ((DialogPane) n).getHeaderText().contains("outside its folder")), "the question");
        return robot.lookup(".dialog-pane").match(n -> ((DialogPane) n).getHeaderText()
                .contains("outside its folder")).queryAs(DialogPane.class);
    }
}
