package io.tablewise.ui.inspector;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javafx.animation.PauseTransition;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import org.controlsfx.control.CheckListView;

import io.tablewise.node.ParamSpec;
import io.tablewise.ui.Messages;

/**
 * Builds the editor for a parameter from its type: text, number (with its range as a hint, and flow-parameter
 * references allowed), checkbox, choice, column picker, multi-column picker, list of texts, per-column choices,
 * file fields with a Browse button, and a formula area. Typed text is committed after a short pause (debounced),
 * on Enter and when the field loses focus.
 */
final class ParamEditors {
    /** A parameter editor: its control, and how it shows a (new) state of the field. */
    record Editor(Node node, java.util.function.Consumer<ParamField> shower) {
        void show(ParamField field) {
            shower.accept(field);
        }
    }

    /** Where edits go. */
    interface Commit {
        /** A new value ({@code null}: the default); edits until {@link #end()} undo as one step. */
        void set(Object value);

        /** The user left the field. */
        void end();

        /** A value chosen in one go (checkbox, list): set and end. */
        default void choose(Object value) {
            set(value);
            end();
        }
    }

    private static final Duration DEBOUNCE = Duration.millis(300);

    private ParamEditors() {
    }

    static Editor create(ParamField field, Commit commit, FileBrowser files) {
        ParamSpec spec = field.spec();
        return switch (spec.type()) {
            case BOOLEAN -> checkBox(commit);
            case CHOICE -> choice(spec.allowedValues(), commit);
            case COLUMN -> column(commit);
            case COLUMNS -> columns(commit);
            case STRING_LIST -> stringList(commit);
            case COLUMN_MAP -> columnMap(spec.allowedValues(), commit);
            case TEXT, FORMULA -> text(spec, new TextArea(), commit, null, files);
            case INPUT_FILE, OUTPUT_FILE -> text(spec, new TextField(), commit, spec.type(), files);
            default -> field.suggestions().isEmpty() ? text(spec, new TextField(), commit, null, files)
                    : suggested(commit);
        };
    }

    // ---- text, numbers, files, formulas ----

    private static Editor text(ParamSpec spec, TextInputControl input, Commit commit,
                               io.tablewise.node.ParamType fileType, FileBrowser files) {
        input.getStyleClass().add("param-text");
        if (input instanceof TextArea area) {
            area.setPrefRowCount(spec.type() == io.tablewise.node.ParamType.FORMULA ? 3 : 4);
            area.setWrapText(true);
            if (spec.type() == io.tablewise.node.ParamType.FORMULA) {
                area.getStyleClass().add("formula");
            }
        }
        boolean[] showing = {false};
        Runnable push = () -> {
            ParamText.Parsed parsed = ParamText.parse(spec, input.getText());
            input.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("invalid"), !parsed.ok());
            if (parsed.ok()) {
                commit.set(parsed.value());
            }
        };
        PauseTransition pause = debounce(input, showing, push, commit);
        if (input instanceof TextField tf) {
            tf.setOnAction(e -> {
                pause.stop();
                push.run();
            });
        }
        Node node = input;
        if (fileType != null) {
            Button browse = new Button(Messages.get("inspector.browse"));
            browse.setOnAction(e -> (fileType == io.tablewise.node.ParamType.INPUT_FILE
                    ? files.chooseInput(input.getText()) : files.chooseOutput(input.getText()))
                    .ifPresent(input::setText));
            HBox.setHgrow(input, Priority.ALWAYS);
            node = new HBox(6, input, browse);
        }
        String hint = ParamText.range(spec);
        Node shown = node;
        return new Editor(shown, field -> {
            String text = ParamText.format(field.value());
            input.setPromptText(field.value() == null && field.spec().defaultValue() != null
                    ? ParamText.format(field.spec().defaultValue()) + (hint.isEmpty() ? "" : "   (" + hint + ")")
                    : hint);
            if (!input.isFocused() && !text.equals(input.getText())) {
                showing[0] = true;
                input.setText(text);
                showing[0] = false;
            }
        });
    }

    /**
     * Commits typed text after a pause ({@code push}), and at once when the field loses focus, which also ends the
     * undo step; changes made while {@code showing[0]} (the field following the flow) are not edits.
     */
    private static PauseTransition debounce(TextInputControl input, boolean[] showing, Runnable push,
                                            Commit commit) {
        PauseTransition pause = new PauseTransition(DEBOUNCE);
        pause.setOnFinished(e -> push.run());
        input.textProperty().addListener((obs, old, now) -> {
            if (!showing[0]) {
                pause.playFromStart();
            }
        });
        input.focusedProperty().addListener((obs, was, now) -> {
            if (!now) {
                pause.stop();
                push.run();
                commit.end();
            }
        });
        return pause;
    }

    // ---- single choices ----

    private static Editor checkBox(Commit commit) {
        CheckBox box = new CheckBox();
        boolean[] showing = {false};
        box.selectedProperty().addListener((obs, old, now) -> {
            if (!showing[0]) {
                commit.choose(now);
            }
        });
        return new Editor(box, field -> {
            showing[0] = true;
            box.setSelected(Boolean.TRUE.equals(field.effective()));
            showing[0] = false;
        });
    }

    private static Editor choice(List<String> values, Commit commit) {
        ComboBox<String> box = new ComboBox<>(FXCollections.observableArrayList(values));
        box.setMaxWidth(Double.MAX_VALUE);
        return comboEditor(box, commit, null);
    }

    private static Editor column(Commit commit) {
        ComboBox<String> box = new ComboBox<>();
        box.setEditable(true);
        box.setMaxWidth(Double.MAX_VALUE);
        box.setPromptText(Messages.get("inspector.pickColumn"));
        return comboEditor(box, commit, ParamField::columns);
    }

    /** A text that is usually one of a few known values (a registered model, a connection): typed or chosen. */
    private static Editor suggested(Commit commit) {
        ComboBox<String> box = new ComboBox<>();
        box.setEditable(true);
        box.setMaxWidth(Double.MAX_VALUE);
        box.getStyleClass().add("param-suggested");
        return comboEditor(box, commit, ParamField::suggestions);
    }

    private static Editor comboEditor(ComboBox<String> box, Commit commit,
                                      java.util.function.Function<ParamField, List<String>> items) {
        boolean[] showing = {false};
        box.valueProperty().addListener((obs, old, now) -> {
            if (!showing[0] && !Objects.equals(old, now)) {
                commit.choose(now == null || now.isEmpty() ? null : now);
            }
        });
        return new Editor(box, field -> {
            showing[0] = true;
            if (items != null && !box.getItems().equals(items.apply(field))) {
                box.getItems().setAll(items.apply(field));
            }
            Object v = field.effective();
            box.setValue(v == null ? null : String.valueOf(v));
            showing[0] = false;
        });
    }

    // ---- lists ----

    private static Editor columns(Commit commit) {
        CheckListView<String> list = new CheckListView<>();
        list.setPrefHeight(150);
        list.getStyleClass().add("columns-picker");
        Label hint = new Label();
        hint.getStyleClass().add("param-hint");
        List<String> chosenOrder = new ArrayList<>();
        boolean[] showing = {false};
        list.getCheckModel().getCheckedItems().addListener((ListChangeListener<String>) c -> {
            if (showing[0]) {
                return;
            }
            List<String> checked = list.getCheckModel().getCheckedItems();
            chosenOrder.retainAll(checked);
            checked.stream().filter(s -> !chosenOrder.contains(s)).forEach(chosenOrder::add);
            hint.setText(Messages.get("inspector.columnsChosen", chosenOrder.size()));
            commit.choose(chosenOrder.isEmpty() ? null : List.copyOf(chosenOrder));
        });
        VBox box = new VBox(4, list, hint);
        return new Editor(box, field -> {
            showing[0] = true;
            List<String> chosen = field.effective() instanceof List<?> l
                    ? l.stream().map(String::valueOf).toList() : List.of();
            List<String> items = new ArrayList<>(field.columns());
            chosen.stream().filter(c -> !items.contains(c)).forEach(items::add); // keep names that vanished
            if (!list.getItems().equals(items)) {
                list.getItems().setAll(items);
            }
            list.getCheckModel().clearChecks();
            chosen.forEach(c -> list.getCheckModel().check(c));
            chosenOrder.clear();
            chosenOrder.addAll(chosen);
            hint.setText(field.columns().isEmpty() ? Messages.get("inspector.connectForColumns")
                    : Messages.get("inspector.columnsChosen", chosen.size()));
            showing[0] = false;
        });
    }

    private static Editor stringList(Commit commit) {
        TextArea area = new TextArea();
        area.setPrefRowCount(4);
        area.getStyleClass().add("param-text");
        area.setPromptText(Messages.get("inspector.onePerLine"));
        boolean[] showing = {false};
        debounce(area, showing, () -> commit.set(lines(area.getText())), commit);
        return new Editor(area, field -> {
            String text = field.effective() instanceof List<?> l
                    ? String.join("\n", l.stream().map(v -> String.valueOf(v).isEmpty() ? "(empty)"
                    : String.valueOf(v)).toList()) : "";
            if (!area.isFocused() && !text.equals(area.getText())) {
                showing[0] = true;
                area.setText(text);
                showing[0] = false;
            }
        });
    }

    /** One value per line; "(empty)" stands for the empty text. */
    static List<String> lines(String text) {
        List<String> values = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            String v = line.strip();
            if (v.equals("(empty)")) {
                values.add("");
            } else if (!v.isEmpty()) {
                values.add(v);
            }
        }
        return values;
    }

    private static Editor columnMap(List<String> allowed, Commit commit) {
        GridPane rows = new GridPane();
        rows.setHgap(6);
        rows.setVgap(4);
        ComboBox<String> newColumn = new ComboBox<>();
        newColumn.setEditable(true);
        newColumn.setPromptText(Messages.get("inspector.pickColumn"));
        ComboBox<String> newValue = new ComboBox<>(FXCollections.observableArrayList(allowed));
        Button add = new Button("+");
        Map<String, String> current = new LinkedHashMap<>();
        add.setOnAction(e -> {
            String col = newColumn.getEditor().getText();
            if (col != null && !col.isBlank() && newValue.getValue() != null) {
                Map<String, String> next = new LinkedHashMap<>(current);
                next.put(col.strip(), newValue.getValue());
                commit.choose(next);
            }
        });
        VBox box = new VBox(4, rows, new HBox(6, newColumn, newValue, add));
        return new Editor(box, field -> {
            current.clear();
            if (field.effective() instanceof Map<?, ?> m) {
                m.forEach((k, v) -> current.put(String.valueOf(k), String.valueOf(v)));
            }
            newColumn.getItems().setAll(field.columns());
            rows.getChildren().clear();
            int r = 0;
            for (Map.Entry<String, String> e : current.entrySet()) {
                Button remove = new Button("−");
                remove.setOnAction(a -> {
                    Map<String, String> next = new LinkedHashMap<>(current);
                    next.remove(e.getKey());
                    commit.choose(next.isEmpty() ? null : next);
                });
                rows.addRow(r++, new Label(e.getKey()), new Label(e.getValue()), remove);
            }
        });
    }
}
