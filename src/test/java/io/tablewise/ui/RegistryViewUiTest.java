package io.tablewise.ui;

import static io.tablewise.ui.StudioFixture.fx;
import static io.tablewise.ui.StudioFixture.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

import io.tablewise.registry.ModelRef;
import io.tablewise.registry.ModelVersion;
import io.tablewise.registry.Registry;
import io.tablewise.registry.RegistryLocation;

/** The Registry tab: a version approved with a comment and given an alias through real clicks, two compared. */
class RegistryViewUiTest extends SampleStudioUiTest {
    @TempDir
    static Path registryDir;

    @BeforeAll
    static void useATestRegistry() throws Exception {
        System.setProperty("tablewise.registry", registryDir.resolve("reg").toString());
        StudioFixture.registerChurnModels(registryDir, List.of("liblinear", "cart"));
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
    void approveAVersionSetAnAliasAndCompareTwo(FxRobot robot) throws Exception {
        studio.showTab(robot, "Registry");
        fx(() -> { // View > Maximise panel, as an analyst gives the registry room
            robot.lookup(".output-panel").queryAs(OutputPanel.class).toggleMaximised();
            return null;
        });
        @SuppressWarnings("unchecked")
        ListView<String> groups = robot.lookup(".registry-groups").queryAs(ListView.class);
        waitFor(() -> groups.getItems().equals(List.of("churn")), "the registry's groups");
        robot.clickOn(robot.lookup(".registry-groups .list-cell").match((javafx.scene.control.ListCell<?> c) ->
                "churn".equals(c.getItem())).queryAs(javafx.scene.control.ListCell.class));
        @SuppressWarnings("unchecked")
        TableView<ModelVersion> versions = robot.lookup(".registry-versions").queryAs(TableView.class);
        waitFor(() -> versions.getItems().size() == 2, "the group's versions");
        assertEquals("churn:2", fx(() -> versions.getItems().get(0).ref().toString()));

        fx(() -> {
            versions.getSelectionModel().clearSelection();
            versions.getSelectionModel().select(1); // churn:1
            return null;
        });
        waitFor(() -> !robot.lookup(".registry-approve").queryButton().isDisabled(), "the version read");
        robot.clickOn(".registry-approve");
        TextField comment = robot.lookup(".registry-dialog .text-field").queryAs(TextField.class);
        robot.clickOn(comment).write("checked on the March data");
        robot.clickOn(robot.lookup(".registry-dialog .button").match((Button b) -> b.isDefaultButton())
                .queryAs(Button.class));
        waitFor(() -> versions.getItems().stream().anyMatch(v -> v.version() == 1 && v.status().equals("approved")),
                "the approval");
        assertEquals("churn:1 is now approved", robot.lookup(".registry-message").queryLabeled().getText());

        fx(() -> {
            versions.getSelectionModel().clearSelection();
            versions.getSelectionModel().select(versions.getItems().stream().filter(v -> v.version() == 1)
                    .findFirst().orElseThrow());
            return null;
        });
        waitFor(() -> !robot.lookup(".registry-alias").queryButton().isDisabled(), "the version read");
        robot.clickOn(".registry-alias");
        robot.clickOn(robot.lookup(".registry-dialog .button").match((Button b) -> b.isDefaultButton())
                .queryAs(Button.class)); // the proposed alias: champion
        waitFor(() -> versions.getItems().stream().anyMatch(v -> v.aliases().contains("champion")), "the alias");

        try (Registry r = Registry.open(RegistryLocation.defaultLocation())) {
            ModelVersion champion = r.version(ModelRef.parse("churn@champion"));
            assertEquals(1, champion.version());
            assertEquals("approved", champion.status());
            assertEquals("checked on the March data", r.history(champion.ref()).get(1).comment());
        }
        waitFor(() -> robot.lookup(".registry-history").queryAs(ListView.class).getItems().size() == 2,
                "the history");

        fx(() -> {
            versions.getSelectionModel().selectAll();
            return null;
        });
        robot.clickOn(".registry-compare");
        @SuppressWarnings("unchecked")
        TableView<io.tablewise.registry.VersionComparison.Line> diff = robot.lookup(".registry-comparison")
                .queryAs(TableView.class);
        assertTrue(fx(() -> diff.getItems().stream().anyMatch(l -> l.name().equals("setting algorithm")
                && l.a().equals("liblinear") && l.b().equals("cart") && l.differs())));
        assertTrue(fx(() -> diff.getItems().get(0).differs()), "differences first");
    }
}
