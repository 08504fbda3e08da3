package io.tablewise.ui;

import static io.tablewise.ui.StudioFixture.fx;
import static io.tablewise.ui.StudioFixture.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

import io.tablewise.capture.CaptureReader;
import io.tablewise.ui.deploy.DeployViewModel;

/**
 * The Deploy tab: a registered model chosen for a variant, the endpoint started with a click, a test request sent
 * from the form over HTTP, its count in the live table and its row in the capture, the A/B report, then stopped.
 */
class DeployViewUiTest extends SampleStudioUiTest {
    @TempDir
    static Path home;

    @BeforeAll
    static void aRegisteredModel() throws Exception {
        System.setProperty("tablewise.registry", home.resolve("reg").toString());
        StudioFixture.registerChurnModels(home, List.of("cart"));
    }

    @AfterAll
    static void forgetIt() {
        System.clearProperty("tablewise.registry");
    }

    @Override
    String project() {
        return "customer-churn";
    }

    @Test
    void startSendAReportAndStop(FxRobot robot) throws Exception {
        studio.showTab(robot, "Deploy");
        fx(() -> { // View > Maximise panel: the deploy view wants room
            robot.lookup(".output-panel").queryAs(OutputPanel.class).toggleMaximised();
            return null;
        });
        @SuppressWarnings("unchecked")
        TableView<DeployViewModel.VariantRow> variants = robot.lookup(".deploy-variants").queryAs(TableView.class);
        waitFor(() -> !robot.lookup(".deploy-shadow").queryComboBox().getItems().isEmpty(),
                "the registry's references");
        assertTrue(fx(() -> robot.lookup(".deploy-shadow").queryComboBox().getItems().contains("churn:1")));
        fx(() -> {
            variants.getItems().get(0).modelProperty().set("churn:1"); // as picked from the cell's list
            @SuppressWarnings("unchecked")
            Spinner<Integer> port = robot.lookup(".deploy-port").queryAs(Spinner.class);
            port.getValueFactory().setValue(0); // any free port
            robot.lookup(".deploy-capture-folder").queryAs(TextField.class).setText(home.resolve("capture")
                    .toString());
            return null;
        });
        robot.clickOn(".deploy-start");
        waitFor(() -> robot.lookup(".deploy-url").queryLabeled().getText().startsWith("http://127.0.0.1:"),
                "the endpoint to start");
        waitFor(() -> !robot.lookup(".deploy-form .deploy-field").queryAll().isEmpty(), "the test form");
        TextField age = robot.lookup("#deploy-field-age").queryAs(TextField.class);
        assertTrue(!age.getText().isEmpty(), "the form starts from typical values");
        StudioFixture.reveal(robot.lookup(".deploy-send").query());
        robot.clickOn(".deploy-send");
        Label answer = robot.lookup(".deploy-answer").queryAs(Label.class);
        waitFor(() -> answer.getText().startsWith("Prediction "), "the answer");
        assertTrue(answer.getText().contains("from variant A (churn:1)"), answer.getText());
        @SuppressWarnings("unchecked")
        TableView<DeployViewModel.Live> live = robot.lookup(".deploy-live").queryAs(TableView.class);
        waitFor(() -> live.getItems().size() == 1 && live.getItems().get(0).requests() == 1, "the live count");

        robot.clickOn(".deploy-stop");
        waitFor(() -> robot.lookup(".deploy-url").queryLabeled().getText().equals(Messages.get("deploy.notRunning")),
                "the endpoint to stop");
        assertEquals(1, CaptureReader.read(home.resolve("capture")).records().size());
        StudioFixture.reveal(robot.lookup(".deploy-report").query());
        robot.clickOn(".deploy-report");
        waitFor(() -> robot.lookup(".deploy-message").queryLabeled().getText().startsWith("A/B report written"),
                "the report");
        assertTrue(robot.lookup(".deploy-note").queryAll().stream().anyMatch(n -> ((Label) n).getText()
                .startsWith("no outcomes yet")));
    }
}
