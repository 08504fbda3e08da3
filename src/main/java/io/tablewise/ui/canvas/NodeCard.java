package io.tablewise.ui.canvas;

import java.util.ArrayList;
import java.util.List;

import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Circle;

import io.tablewise.flow.NodeInstance;
import io.tablewise.flow.PortRef;
import io.tablewise.node.NodeDescriptor;
import io.tablewise.node.PortSpec;
import io.tablewise.ui.Messages;
import io.tablewise.ui.NodeTexts;
import io.tablewise.ui.run.NodeStatus;
import io.tablewise.ui.theme.Icons;

/**
 * A node on the canvas: a card with its category icon, label, type name, status light, progress while running,
 * and its ports (inputs on the left, outputs on the right). Positions are in canvas (world) coordinates.
 */
final class NodeCard extends Pane {
    static final double WIDTH = 180;
    private static final double PORT_GAP = 22;
    private static final double MIN_HEIGHT = 60;
    /** The room for the label and the type name, between the icon and the status light. */
    private static final double TEXT_WIDTH = WIDTH - 48 - 22;

    private final String nodeId;
    private final NodeDescriptor descriptor;
    private final Label title = new Label();
    private final Label subtitle = new Label();
    private final Circle light = new Circle(5);
    private final ProgressBar progress = new ProgressBar(0);
    private Tooltip tooltip;
    private String tooltipText = "";
    private final List<PortView> ports = new ArrayList<>();
    private double height;
    private final double portsHeight;
    private Runnable onResized;
    private StackPane icon;
    private javafx.scene.layout.VBox text;

    /** A card for {@code node}; {@code descriptor} is null when the node's type is unknown. */
    NodeCard(NodeInstance node, NodeDescriptor descriptor) {
        this.nodeId = node.id();
        this.descriptor = descriptor;
        getStyleClass().add("node-card");
        int portRows = descriptor == null ? 0 : Math.max(descriptor.inputs().size(), descriptor.outputs().size());
        portsHeight = Math.max(MIN_HEIGHT, 20 + PORT_GAP * portRows);
        height = portsHeight;

        icon = new StackPane(descriptor == null ? Icons.icon("unknown", 18)
                : Icons.category(descriptor.category(), 18));
        icon.getStyleClass().addAll("node-icon", "category-" + categoryClass(descriptor));
        icon.setLayoutX(12);
        icon.setPrefSize(30, 30);

        // the label wraps onto a second line rather than being cut ("Fill satisfa…"); the pair is centred
        title.getStyleClass().add("node-title");
        title.setWrapText(true);
        title.setMinWidth(TEXT_WIDTH); // a wrapping label's own preferred width is its one-line width
        title.setPrefWidth(TEXT_WIDTH);
        title.setMaxWidth(TEXT_WIDTH);
        title.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        subtitle.getStyleClass().add("node-subtitle");
        subtitle.setMaxWidth(TEXT_WIDTH);
        text = new javafx.scene.layout.VBox(0, title, subtitle);
        text.setLayoutX(48);
        text.setMinWidth(TEXT_WIDTH);
        text.setPrefWidth(TEXT_WIDTH);
        text.setMaxWidth(TEXT_WIDTH);
        // the card grows to the label's wrapped height once it is styled and laid out
        text.heightProperty().addListener((o, a, b) -> fitText(b.doubleValue()));
        subtitle.setText(descriptor == null ? Messages.get("canvas.unknownType", node.type())
                : NodeTexts.name(descriptor));

        light.getStyleClass().add("status-light");
        light.setLayoutX(WIDTH - 14);
        light.setLayoutY(14);

        progress.getStyleClass().add("node-progress");
        progress.setLayoutX(10);
        progress.setPrefSize(WIDTH - 20, 4);
        progress.setVisible(false);

        getChildren().addAll(icon, text, light, progress);
        if (descriptor != null) {
            addPorts(descriptor.inputs(), true);
            addPorts(descriptor.outputs(), false);
        } else {
            getStyleClass().add("node-unknown");
        }
        setOnMouseEntered(e -> {
            if (tooltip == null) { // made on first hover: a 200-node canvas opens without 200 tooltips
                tooltip = new Tooltip(tooltipText);
                tooltip.setWrapText(true);
                tooltip.setMaxWidth(420);
                Tooltip.install(this, tooltip);
            }
        });
        place();
        update(node);
        setStatus(NodeStatus.of(NodeStatus.Light.IDLE, ""));
    }

    private void addPorts(List<PortSpec> specs, boolean input) {
        for (int i = 0; i < specs.size(); i++) {
            PortView port = new PortView(new PortRef(nodeId, specs.get(i).name()), specs.get(i), input);
            port.setCenterX(input ? 0 : WIDTH);
            port.getProperties().put("slot", new double[] {i + 1, specs.size() + 1});
            ports.add(port);
            getChildren().add(port);
            if (!input && specs.size() > 1) { // several outputs (a condition's then and else): name each
                javafx.scene.text.Text name = new javafx.scene.text.Text(specs.get(i).name());
                name.getStyleClass().add("port-label");
                name.setMouseTransparent(true);
                name.setLayoutX(WIDTH + 7);
                port.getProperties().put("label", name);
                getChildren().add(name);
            }
        }
    }

    private static String categoryClass(NodeDescriptor d) {
        return d == null ? "unknown" : NodeTexts.categorySlug(d.category());
    }

    String nodeId() {
        return nodeId;
    }

    NodeDescriptor descriptor() {
        return descriptor;
    }

    List<PortView> ports() {
        return ports;
    }

    Label titleLabel() {
        return title;
    }

    /** Where the label is, in the card's coordinates (it sits in a box with the type name). */
    javafx.geometry.Bounds titleBounds() {
        return text.localToParent(title.getBoundsInParent());
    }

    /** Follows the node's label (the card grows to show it whole) and position. */
    void update(NodeInstance node) {
        title.setText(node.label());
        relocate(node.ui().x(), node.ui().y());
    }

    /** Called (by the canvas) when the card's height changes, so the edges meet the ports' new places. */
    void setOnResized(Runnable onResized) {
        this.onResized = onResized;
    }

    private void fitText(double textHeight) {
        double needed = Math.max(portsHeight, Math.ceil(textHeight) + 16);
        if (needed != height) {
            height = needed;
            place();
            if (onResized != null) {
                onResized.run();
            }
        } else {
            text.setLayoutY(Math.max(4, (height - textHeight) / 2));
        }
    }

    /** Sizes the card to {@link #height} and puts the icon, text, progress bar and ports in their places. */
    private void place() {
        setPrefSize(WIDTH, height);
        setMinSize(WIDTH, height);
        setMaxSize(WIDTH, height);
        icon.setLayoutY(height / 2 - 15);
        progress.setLayoutY(height - 8);
        text.setLayoutY(Math.max(4, (height - text.getHeight()) / 2));
        for (PortView port : ports) {
            double[] slot = (double[]) port.getProperties().get("slot");
            port.setCenterY(height * slot[0] / slot[1]);
            if (port.getProperties().get("label") instanceof javafx.scene.text.Text name) {
                name.setLayoutY(port.getCenterY() - 6); // above the edge that leaves the port
            }
        }
    }

    /** Shows a status: the light's colour, progress while running, and the message as tooltip. */
    void setStatus(NodeStatus status) {
        for (NodeStatus.Light l : NodeStatus.Light.values()) {
            light.getStyleClass().remove("light-" + l.name().toLowerCase(java.util.Locale.ROOT));
        }
        light.getStyleClass().add("light-" + status.light().name().toLowerCase(java.util.Locale.ROOT));
        boolean running = status.light() == NodeStatus.Light.RUNNING;
        progress.setVisible(running);
        progress.setProgress(status.progress() > 0 ? status.progress() : ProgressBar.INDETERMINATE_PROGRESS);
        getStyleClass().removeAll("node-failed", "node-invalid");
        if (status.light() == NodeStatus.Light.FAILED) {
            getStyleClass().add("node-failed");
        } else if (status.light() == NodeStatus.Light.INVALID) {
            getStyleClass().add("node-invalid");
        }
        String state = Messages.get("status." + status.light().name().toLowerCase(java.util.Locale.ROOT));
        String help = descriptor == null ? "" : "\n" + NodeTexts.help(descriptor);
        tooltipText = title.getText() + " — " + state
                + (status.message().isBlank() ? "" : "\n" + status.message()) + help;
        if (tooltip != null) {
            tooltip.setText(tooltipText);
        }
    }

    void setSelected(boolean selected) {
        if (selected) {
            if (!getStyleClass().contains("selected")) {
                getStyleClass().add("selected");
            }
        } else {
            getStyleClass().remove("selected");
        }
    }

    /** Where an edge meets this card's port, in world coordinates. */
    Point2D portPoint(String port, boolean input) {
        for (PortView p : ports) {
            if (p.isInput() == input && p.ref().port().equals(port)) {
                return new Point2D(getLayoutX() + p.getCenterX(), getLayoutY() + p.getCenterY());
            }
        }
        return new Point2D(getLayoutX() + (input ? 0 : WIDTH), getLayoutY() + height / 2);
    }

    /** The card's visual height. */
    double cardHeight() {
        return height;
    }

    /** The port under a point in world coordinates (with a generous margin), or null. */
    PortView portAt(Point2D world, boolean input) {
        for (PortView p : ports) {
            if (p.isInput() == input && portPointOf(p).distance(world) <= PortView.RADIUS * 2.5) {
                return p;
            }
        }
        return null;
    }

    private Point2D portPointOf(PortView p) {
        return new Point2D(getLayoutX() + p.getCenterX(), getLayoutY() + p.getCenterY());
    }

    /** Whether {@code node} is part of this card (so clicks on it act on the card). */
    boolean owns(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == this) {
                return true;
            }
        }
        return false;
    }
}
