package io.tablewise.ui;

import static io.tablewise.ui.StudioFixture.fx;
import static io.tablewise.ui.StudioFixture.waitFor;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import io.tablewise.ui.grid.DataGridView;

/**
 * Korean is drawn as Korean, not as missing-glyph boxes, in the Korean studio's labels and in a grid cell holding a
 * Korean value — on a machine with no CJK font, or only the CFF collections JavaFX cannot draw (issue 18, item 1).
 * Each character is drawn in the node's own font and compared with a code point no font has.
 */
class KoreanTextUiTest extends SampleStudioUiTest {
    @Override
    String project() {
        return "customer-churn";
    }

    @Override
    Locale language() {
        return Locale.KOREAN;
    }

    @Test
    void koreanLabelsAndGridCellsAreDrawnWithRealGlyphs(FxRobot robot) throws Exception {
        List<Labeled> labels = fx(() -> robot.lookup(n -> n instanceof Labeled l && l.isVisible()
                && hasHangul(l.getText())).queryAllAs(Labeled.class).stream().toList());
        assertTrue(labels.size() >= 5, "the Korean studio shows Korean labels: " + labels.size());
        for (Labeled label : labels) {
            assertNoBoxes(label.getText(), fx(label::getFont), "the label");
        }

        DataGridView grid = studio.importShownInGrid(robot, 6000);
        waitFor(() -> robot.lookup(n -> n instanceof TableCell<?, ?> c && c.isVisible() && hasHangul(c.getText()))
                .tryQuery().isPresent(), "a grid cell with a Korean region");
        TableCell<?, ?> cell = fx(() -> robot.lookup(n -> n instanceof TableCell<?, ?> c && c.isVisible()
                && hasHangul(c.getText())).queryAs(TableCell.class));
        assertNoBoxes(cell.getText(), fx(cell::getFont), "the grid cell");
    }

    private static void assertNoBoxes(String text, Font font, String where) throws Exception {
        // what a character no font has looks like: a box on most machines, nothing at all on some (a machine with
        // only DejaVu draws it blank), so a real glyph must leave ink and differ from it
        Image missing = fx(() -> draw(new String(Character.toChars(0x10FFFD)), font));
        List<String> boxes = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL && fx(() -> {
                Image drawn = draw(String.valueOf(c), font);
                return countInk(drawn) == 0 || same(drawn, missing);
            })) {
                boxes.add(String.valueOf(c));
            }
        }
        assertFalse(!boxes.isEmpty(), where + " '" + text + "' in " + font.getName() + " draws " + boxes
                + " as the missing-glyph box (or not at all)");
    }

    private static boolean hasHangul(String text) {
        return text != null && text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
                == Character.UnicodeScript.HANGUL);
    }

    private static Image draw(String text, Font font) {
        Text node = new Text(text);
        node.setFont(font);
        new Scene(new Group(node));
        return node.snapshot(null, null);
    }

    private static int countInk(Image image) {
        int ink = 0;
        PixelReader r = image.getPixelReader();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                ink += r.getArgb(x, y) != 0xffffffff ? 1 : 0;
            }
        }
        return ink;
    }

    private static boolean same(Image a, Image b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            return false;
        }
        PixelReader ra = a.getPixelReader();
        PixelReader rb = b.getPixelReader();
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (ra.getArgb(x, y) != rb.getArgb(x, y)) {
                    return false;
                }
            }
        }
        return true;
    }
}
