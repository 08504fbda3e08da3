package io.tablewise.ui.inspector;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javafx.collections.SetChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

import io.tablewise.flow.NodeInstance;
import io.tablewise.node.NodeDescriptor;
import io.tablewise.node.NodeMessage;
import io.tablewise.ui.Messages;
import io.tablewise.ui.NodeTexts;

/**
 * The inspector panel: the selected node's name, type and help, then one editor per parameter with its help and
 * any problem shown under it. Editors are rebuilt when another node is selected and refreshed in place when the
 * flow or its validation changes, so typing is never interrupted.
 */
public final class InspectorView extends ScrollPane {
    private final InspectorViewModel model;
    private final FileBrowser files;
    private final VBox content = new VBox(10);
    private final Map<String, ParamEditors.Editor> editors = new HashMap<>();
    private final Map<String, Label> problems = new HashMap<>();
    private final Map<String, VBox> boxes = new HashMap<>();
    private final VBox nodeMessages = new VBox(4);
    private Label nodeName;
    private String shownNode;
    private String shownType;

    /** An inspector over {@code model}; {@code files} answers the Browse buttons. */
    public InspectorView(InspectorViewModel model, FileBrowser files) {
        this.model = model;
        this.files = files;
        getStyleClass().add("inspector");
        setFitToWidth(true);
        content.setPadding(new Insets(10, 12, 16, 12));
        setContent(content);
        model.editor().selection().addListener((SetChangeListener<String>) c -> refresh());
        model.editor().flowProperty().addListener((obs, old, now) -> refresh());
        model.runs().validationProperty().addListener((obs, old, now) -> refresh());
        refresh();
    }

    /** Shows the current selection. */
    public void refresh() {
        Optional<NodeInstance> node = model.selectedNode();
        if (node.isEmpty()) {
            showNothing();
            return;
        }
        NodeInstance n = node.get();
        Optional<NodeDescriptor> d = model.descriptor(n.id());
        String type = d.map(NodeDescriptor::id).orElse(n.type());
        if (!n.id().equals(shownNode) || !type.equals(shownType)) {
            build(n, d.orElse(null));
        }
        nodeName.setText(n.label());
        List<ParamField> fields = model.fields(n.id());
        Map<String, Object> values = new HashMap<>();
        fields.forEach(f -> values.put(f.spec().name(), f.effective()));
        for (ParamField f : fields) {
            VBox box = boxes.get(f.spec().name());
            if (box != null) {
                // a parameter for another kind of work (a forecast's horizon while building a classifier) is hidden
                boolean applies = f.spec().applies(values::get);
                box.setVisible(applies);
                box.setManaged(applies);
            }
            ParamEditors.Editor editor = editors.get(f.spec().name());
            if (editor != null) {
                editor.show(f);
                Label problem = problems.get(f.spec().name());
                problem.setText(f.message());
                problem.setVisible(!f.message().isEmpty());
                problem.setManaged(!f.message().isEmpty());
            }
        }
        nodeMessages.getChildren().clear();
        for (NodeMessage m : model.nodeMessages(n.id())) {
            Label l = new Label(m.text());
            l.setWrapText(true);
            l.getStyleClass().add(m.isError() ? "problem" : "warning-text");
            nodeMessages.getChildren().add(l);
        }
    }

    private void showNothing() {
        shownNode = null;
        shownType = null;
        editors.clear();
        problems.clear();
        boxes.clear();
        int count = model.editor().selection().size();
        Label hint = new Label(count > 1 ? Messages.get("inspector.many", count) : Messages.get("inspector.none"));
        hint.setWrapText(true);
        hint.getStyleClass().add("placeholder");
        content.getChildren().setAll(title(Messages.get("inspector.title")), hint);
    }

    private void build(NodeInstance node, NodeDescriptor d) {
        shownNode = node.id();
        shownType = d == null ? node.type() : d.id();
        editors.clear();
        problems.clear();
        boxes.clear();
        content.getChildren().setAll(title(Messages.get("inspector.title")));
        nodeName = new Label(node.label());
        nodeName.getStyleClass().add("inspector-node");
        nodeName.setWrapText(true);
        content.getChildren().add(nodeName);
        if (d == null) {
            Label unknown = new Label(Messages.get("inspector.unknownType", node.type()));
            unknown.setWrapText(true);
            unknown.getStyleClass().add("problem");
            content.getChildren().addAll(unknown, nodeMessages);
            return;
        }
        Label type = new Label(NodeTexts.name(d) + "  ·  " + d.id());
        type.getStyleClass().add("inspector-type");
        Label help = new Label(NodeTexts.help(d));
        help.setWrapText(true);
        help.getStyleClass().add("inspector-help");
        content.getChildren().addAll(type, help, nodeMessages);
        List<ParamField> fields = model.fields(node.id());
        if (fields.isEmpty()) {
            Label none = new Label(Messages.get("inspector.noParams"));
            none.getStyleClass().add("placeholder");
            content.getChildren().add(none);
        }
        String nodeId = node.id();
        for (ParamField f : fields) {
            String param = f.spec().name();
            ParamEditors.Editor editor = ParamEditors.create(f, new ParamEditors.Commit() {
                @Override
                public void set(Object value) {
                    model.set(nodeId, param, value);
                }

                @Override
                public void end() {
                    model.endEdit();
                }
            }, files);
            Label label = new Label(NodeTexts.paramLabel(f.spec())
                    + (f.spec().required() ? " *" : ""));
            label.getStyleClass().add("param-label");
            label.setLabelFor(editor.node());
            if (!f.spec().help().isBlank()) {
                Tooltip.install(label, new Tooltip(NodeTexts.paramHelp(d, f.spec())));
            }
            String helpText = NodeTexts.paramHelp(d, f.spec());
            Label paramHelp = new Label(helpText);
            paramHelp.setWrapText(true);
            paramHelp.getStyleClass().add("param-help");
            Label problem = new Label();
            problem.setWrapText(true);
            problem.getStyleClass().add("problem");
            if (f.spec().type() == io.tablewise.node.ParamType.FORMULA
                    && editor.node() instanceof javafx.scene.control.TextInputControl text) {
                // Formula problems say "at position N": a click on the message puts the caret there.
                problem.setCursor(javafx.scene.Cursor.HAND);
                problem.setOnMouseClicked(e -> FormulaPosition.of(problem.getText()).ifPresent(pos -> {
                    text.requestFocus();
                    text.positionCaret(Math.min(text.getLength(), Math.max(0, pos - 1)));
                    text.selectForward();
                }));
            }
            editor.node().setId("param-" + param);
            VBox box = new VBox(3, label, editor.node(), problem, paramHelp);
            box.getStyleClass().add("param");
            content.getChildren().add(box);
            editors.put(param, editor);
            problems.put(param, problem);
            boxes.put(param, box);
        }
    }

    private static Label title(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("panel-title");
        return l;
    }
}
