package io.tablewise.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import io.tablewise.flow.Flow;
import io.tablewise.flow.json.FlowFormatException;
import io.tablewise.ui.theme.Icons;

/**
 * What the studio shows before a flow is open: start a new flow, open one, a recent file, or a sample project.
 */
final class StartPage extends VBox {
    StartPage(List<Path> recent, Path samplesDir, Runnable newFlow, Runnable open, Consumer<Path> openFile) {
        getStyleClass().add("start-page");
        setAlignment(Pos.TOP_CENTER);
        setPadding(new Insets(48, 32, 32, 32));
        setSpacing(18);
        setMaxWidth(640);

        Label title = new Label("Tablewise", Icons.icon("tablewise", 30));
        title.getStyleClass().add("start-title");
        Label tagline = new Label(Messages.get("start.tagline"));
        tagline.getStyleClass().add("start-tagline");
        tagline.setWrapText(true);
        tagline.setMaxWidth(620);
        tagline.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);

        Button create = new Button(Messages.get("start.new"));
        create.getStyleClass().add("accent");
        create.setDefaultButton(true);
        create.setOnAction(e -> newFlow.run());
        create.setId("start-new");
        Button openButton = new Button(Messages.get("start.open"));
        openButton.setOnAction(e -> open.run());
        HBox buttons = new HBox(10, create, openButton);
        buttons.setAlignment(Pos.CENTER_LEFT);

        VBox samples = section(Messages.get("start.samples"));
        for (Path sample : samples(samplesDir)) {
            String description = describe(sample);
            Hyperlink link = new Hyperlink(sample.getFileName().toString().replaceFirst("\\.flow$", ""));
            link.setOnAction(e -> openFile.accept(sample));
            Label about = new Label(description);
            about.getStyleClass().add("start-about");
            about.setWrapText(true);
            about.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // the whole first sentence, wrapped
            samples.getChildren().add(new VBox(0, link, about));
        }
        if (samples.getChildren().size() == 1) {
            samples.getChildren().add(muted(Messages.get("start.noSamples")));
        } else {
            Label copies = muted(Messages.get("start.sampleCopy", StudioPaths.sampleCopies()));
            copies.setWrapText(true);
            copies.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            samples.getChildren().add(copies);
        }

        VBox recents = section(Messages.get("start.recent"));
        for (Path file : recent) {
            Hyperlink link = new Hyperlink(file.getFileName().toString());
            link.setOnAction(e -> openFile.accept(file));
            Label where = muted(file.getParent() == null ? "" : file.getParent().toString());
            recents.getChildren().add(new VBox(0, link, where));
        }
        if (recent.isEmpty()) {
            recents.getChildren().add(muted(Messages.get("start.noRecent")));
        }
        HBox columns = new HBox(40, samples, recents);
        VBox content = new VBox(18, title, tagline, buttons, columns);
        content.setMaxWidth(720);
        getChildren().add(content);
    }

    private static VBox section(String title) {
        Label l = new Label(title);
        l.getStyleClass().add("start-section");
        VBox box = new VBox(6, l);
        box.setPrefWidth(320);
        return box;
    }

    private static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("start-about");
        return l;
    }

    /** The sample flows: each folder of {@code dir} holding a {@code .flow} file. */
    static List<Path> samples(Path dir) {
        List<Path> flows = new ArrayList<>();
        if (dir == null || !Files.isDirectory(dir)) {
            return flows;
        }
        try (Stream<Path> walk = Files.walk(dir, 2)) {
            walk.filter(p -> p.getFileName().toString().endsWith(".flow") && Files.isRegularFile(p))
                    .sorted().forEach(flows::add);
        } catch (IOException e) {
            return flows;
        }
        return flows;
    }

    private static String describe(Path flowFile) {
        try {
            Flow flow = Documents.read(flowFile);
            String text = flow.description().isBlank() ? io.tablewise.node.Plural.of(flow.nodes().size(), "node") : flow.description();
            // The first sentence is enough on the start page; the flow itself has the rest.
            int end = text.indexOf(". ");
            String first = end > 0 ? text.substring(0, end + 1) : text;
            return first.length() > 220 ? first.substring(0, 217) + "…" : first;
        } catch (FlowFormatException e) {
            return e.getMessage();
        }
    }
}
