package io.tablewise.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javafx.util.StringConverter;

import io.tablewise.engine.FlowExecutor;
import io.tablewise.ui.project.StudioSettings;
import io.tablewise.ui.theme.Icons;
import io.tablewise.ui.theme.BundledFonts;
import io.tablewise.ui.theme.Theme;

/**
 * The JavaFX application: one window on one flow. Reads the settings (theme, language), builds the
 * {@link MainWindow}, opens the flow named on the command line or shows the start page, offers flows left behind by
 * a crash, and asks before closing with unsaved changes.
 */
public final class StudioApp extends Application {
    private Stage stage;
    private StudioSession session;
    private MainWindow window;

    @Override
    public void start(Stage primary) {
        BundledFonts.load(); // before any text is laid out: JavaFX fixes a font's fallback list at its first use
        this.stage = primary;
        StudioSettings settings = new StudioSettings(StudioSettings.defaultHome());
        Messages.use(settings.language().isEmpty() ? null : Locale.forLanguageTag(settings.language()));
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> reportUnexpected(e));
        session = new StudioSession(FlowExecutor.createDefault(), settings, StudioPaths.samples(), Platform::runLater);
        // At most 1440 × 900, and never more than the screen shows (at 200% scaling a laptop screen is small).
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(new StackPane(), Math.min(1440, screen.getWidth() * 0.92),
                Math.min(900, screen.getHeight() * 0.9));
        stage.setScene(scene);
        stage.setMinWidth(Math.min(900, screen.getWidth()));
        stage.setMinHeight(Math.min(600, screen.getHeight()));
        for (int size : new int[] {16, 32, 48, 128}) {
            stage.getIcons().add(Icons.appImage(size, Color.web("#0969da"), Color.WHITE));
        }
        buildWindow();
        stage.setOnCloseRequest(e -> {
            if (!window.confirmClose()) {
                e.consume();
            } else {
                session.shutdown();
            }
        });
        stage.show();
        // Opened once the window has its size, so the flow is fitted to the real canvas.
        List<String> args = getParameters().getRaw();
        Path file = args.isEmpty() ? null : Path.of(args.get(0));
        if (file != null && Files.isRegularFile(file)) {
            window.open(file);
        } else {
            window.showStartPage();
        }
        Platform.runLater(() -> window.startBackgroundDuties(true));
    }

    private void buildWindow() {
        if (window != null) {
            window.dispose();
        }
        window = new MainWindow(stage, session, this::showSettings);
        stage.getScene().setRoot(window.root());
        Theme.parse(session.settings().theme()).apply(stage.getScene());
    }

    private void showSettings() {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(stage);
        dialog.setTitle(Messages.get("settings.title"));
        dialog.setHeaderText(Messages.get("settings.title"));
        ChoiceBox<String> theme = new ChoiceBox<>(FXCollections.observableArrayList("light", "dark"));
        theme.setConverter(converter("settings.theme."));
        theme.setValue(session.settings().theme());
        ChoiceBox<String> language = new ChoiceBox<>(FXCollections.observableArrayList("", "en", "ko"));
        language.setConverter(new StringConverter<>() {
            @Override
            public String toString(String code) {
                return MainWindow.languageName(code == null ? "" : code);
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        language.setValue(session.settings().language());
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(10);
        grid.addRow(0, new Label(Messages.get("settings.theme")), theme);
        grid.addRow(1, new Label(Messages.get("settings.language")), language);
        PathGrantsEditor grants = new PathGrantsEditor(session.settings().pathGrants(), dialog.getOwner());
        grid.add(new Label(Messages.get("settings.grants")), 0, 2);
        grid.add(grants, 1, 2);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> {
            boolean languageChanged = !language.getValue().equals(session.settings().language());
            session.settings().setTheme(theme.getValue());
            session.settings().setLanguage(language.getValue());
            if (!grants.grants().equals(session.settings().pathGrants())) {
                session.settings().setPathGrants(grants.grants());
                session.runs().refresh();
            }
            if (languageChanged) {
                Messages.use(language.getValue().isEmpty() ? null : Locale.forLanguageTag(language.getValue()));
                buildWindow();
            } else {
                Theme.parse(theme.getValue()).apply(stage.getScene());
            }
        });
    }

    private static StringConverter<String> converter(String prefix) {
        return new StringConverter<>() {
            @Override
            public String toString(String value) {
                return value == null ? "" : Messages.get(prefix + value);
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        };
    }

    /** The top of the UI: an unexpected error becomes a plain message, never a stack trace in the user's face. */
    private void reportUnexpected(Throwable e) {
        e.printStackTrace();
        Runnable show = () -> {
            Alert alert = new Alert(Alert.AlertType.ERROR, Messages.get("error.unexpectedText",
                    e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())),
                    ButtonType.OK);
            alert.initOwner(stage);
            alert.setHeaderText(Messages.get("error.unexpectedTitle"));
            alert.show();
        };
        if (Platform.isFxApplicationThread()) {
            show.run();
        } else {
            Platform.runLater(show);
        }
    }
}
