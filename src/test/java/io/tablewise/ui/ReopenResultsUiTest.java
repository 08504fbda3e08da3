package io.tablewise.ui;

import static io.tablewise.ui.StudioFixture.fx;
import static io.tablewise.ui.StudioFixture.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import io.tablewise.engine.ResultStore;
import io.tablewise.ui.run.NodeStatus;
import io.tablewise.ui.theme.Theme;

/**
 * A flow run in the studio, closed and opened again in a new studio, shows every node done with its results at once,
 * without running anything (results are kept on disk beside the flow).
 */
class ReopenResultsUiTest extends SampleStudioUiTest {
    @Override
    String project() {
        return "customer-churn";
    }

    @Test
    void reopeningARunFlowShowsEveryNodeDoneWithoutRunning(FxRobot robot) throws Exception {
        studio.runAllUntilDone("scored");
        int nodes = fx(() -> studio.session.editor().flow().nodes().size());
        Path results = dir.resolve("customer-churn").resolve(ResultStore.FOLDER);
        waitFor(() -> entries(results) >= nodes, "the results on disk");
        Path flow = dir.resolve("customer-churn/customer-churn.flow");
        studio.close();

        Stage stage = FxToolkit.registerStage(Stage::new);
        StudioFixture[] again = new StudioFixture[1];
        FxToolkit.setupFixture(() -> {
            again[0] = new StudioFixture(stage, dir.resolve("home"), Theme.LIGHT, 1400, 900);
            again[0].window.open(flow);
        });
        studio = again[0];
        waitFor(() -> studio.session.runs().statuses().size() == nodes && studio.session.runs().statuses().values()
                .stream().allMatch(s -> s.light() == NodeStatus.Light.DONE), "every node done after reopening");
        assertNull(fx(() -> studio.session.runs().lastRunProperty().get()), "nothing was run");
        assertEquals(6000, ((tech.tablesaw.api.Table) studio.output("import", "table")).rowCount(),
                "the import's table is there");
    }

    private static long entries(Path folder) {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> !p.getFileName().toString().startsWith(".")).count();
        } catch (java.io.IOException e) {
            return 0;
        }
    }
}
