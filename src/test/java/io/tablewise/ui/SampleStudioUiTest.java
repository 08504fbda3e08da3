package io.tablewise.ui;

import java.nio.file.Path;

import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;

import io.tablewise.ui.export.ExportDialogs;

/**
 * A headless studio test on a fresh copy of one sample project: the copy is made and opened before each test and
 * the window closed after; file dialogs are back to normal after each test.
 */
@ExtendWith(ApplicationExtension.class)
abstract class SampleStudioUiTest {
    @TempDir
    Path dir;
    StudioFixture studio;

    /** The sample project's folder name, e.g. "customer-churn". */
    abstract String project();

    /** The studio's language; English unless a test says otherwise. */
    java.util.Locale language() {
        return java.util.Locale.ENGLISH;
    }

    // TestFX looks for @Start only in the test class itself, so the base class sets the stage up on its own
    @BeforeEach
    void openSample() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(() -> {
            try {
                studio = StudioFixture.withSample(stage, dir, project(), language());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @AfterEach
    void close() {
        studio.close();
        ExportDialogs.useChooser(null);
        ExportDialogs.useOpenChooser(null);
    }
}
