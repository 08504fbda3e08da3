package io.tablewise.ui;

import static io.tablewise.ui.StudioFixture.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javafx.scene.Node;
import javafx.scene.text.Text;

import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import io.tablewise.flow.NodeInstance;

/**
 * Every card of the sample flow shows its whole label ("Fill satisfaction", not "Fill satisfa…"), and "Fit to view"
 * stops at a zoom where labels can be read.
 */
class CanvasLabelsUiTest extends SampleStudioUiTest {
    @Override
    String project() {
        return "customer-churn";
    }

    @Test
    void cardsShowWholeLabelsAtAReadableZoom(FxRobot robot) throws Exception {
        fx(() -> {
            studio.window.canvas().fitToView();
            studio.window.canvas().applyCss();
            studio.window.canvas().layout();
            return null;
        });
        assertTrue(fx(() -> studio.window.canvas().zoom()) >= 0.6, "readable: " + fx(() -> studio.window.canvas()
                .zoom()));
        Map<String, String> labels = fx(() -> studio.session.editor().flow().nodes().stream()
                .collect(Collectors.toMap(NodeInstance::id, NodeInstance::label)));
        List<String> shown = fx(() -> robot.lookup(".node-title").queryAll().stream()
                .map(n -> shownText(n)).toList());
        assertEquals(labels.size(), shown.size());
        for (String label : labels.values()) {
            assertTrue(shown.contains(label), "'" + label + "' is shown whole: " + shown);
        }
    }

    /** The text a label draws: its skin's text nodes joined (a wrapped label draws one string). */
    private static String shownText(Node label) {
        return label.lookupAll(".text").stream().filter(t -> t instanceof Text).map(t -> ((Text) t).getText())
                .collect(Collectors.joining());
    }
}
