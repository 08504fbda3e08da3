package io.tablewise.ui.runs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import io.tablewise.flow.Flow;
import io.tablewise.track.SweepGrid;
import io.tablewise.ui.Messages;

/**
 * Asks which values of the flow's parameters to try: one field per parameter, values separated by commas (empty:
 * keep the flow's value). Shows how many runs that makes, and refuses values that make none.
 */
final class SweepDialog extends Dialog<Map<String, List<String>>> {
    private final Map<String, TextField> fields = new LinkedHashMap<>();
    private final Label count = new Label();

    SweepDialog(Flow flow) {
        setTitle(Messages.get("runs.sweepTitle"));
        setHeaderText(Messages.get("runs.sweepHeader"));
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        grid.addRow(0, bold(Messages.get("runs.parameter")), bold(Messages.get("runs.current")),
                bold(Messages.get("runs.values")));
        int row = 1;
        for (Map.Entry<String, Object> p : flow.parameters().entrySet()) {
            TextField values = new TextField();
            values.setPromptText(Messages.get("runs.valuesPrompt"));
            values.setPrefColumnCount(22);
            values.getStyleClass().add("sweep-values");
            values.setUserData(p.getKey());
            values.textProperty().addListener((o, a, b) -> update(flow));
            fields.put(p.getKey(), values);
            grid.addRow(row++, new Label(p.getKey()), new Label(String.valueOf(p.getValue())), values);
        }
        VBox content = new VBox(10, grid, count);
        if (flow.parameters().isEmpty()) {
            Label none = new Label(Messages.get("runs.noParameters"));
            none.setWrapText(true);
            content.getChildren().setAll(none);
        }
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        getDialogPane().setPrefWidth(560);
        update(flow);
        setResultConverter(b -> b == ButtonType.OK ? values() : null);
    }

    /** The values typed, by parameter (only parameters with values). */
    Map<String, List<String>> values() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        fields.forEach((name, field) -> {
            List<String> vs = List.of(field.getText().split(",")).stream().map(String::strip)
                    .filter(s -> !s.isEmpty()).toList();
            if (!vs.isEmpty()) {
                out.put(name, vs);
            }
        });
        return out;
    }

    private void update(Flow flow) {
        Map<String, List<String>> v = values();
        int runs = v.isEmpty() ? 0 : SweepGrid.of(flow, v).size();
        count.setText(Messages.get("runs.sweepCount", runs));
        getDialogPane().lookupButton(ButtonType.OK).setDisable(runs == 0);
    }

    private static Label bold(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("field-name");
        return l;
    }
}
