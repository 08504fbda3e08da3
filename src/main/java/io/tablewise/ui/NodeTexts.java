package io.tablewise.ui;

import java.util.Locale;

import io.tablewise.node.NodeDescriptor;
import io.tablewise.node.ParamSpec;

/**
 * The studio's text for what the engine describes in English (node names and help, categories, parameter names
 * and help): the translation from the bundle when there is one, else the descriptor's own text. The bundle keys
 * are made here and nowhere else.
 */
public final class NodeTexts {
    private NodeTexts() {
    }

    /** A node type's display name. */
    public static String name(NodeDescriptor d) {
        return Messages.getOr("node." + d.id() + ".name", d.name());
    }

    /** A node type's help. */
    public static String help(NodeDescriptor d) {
        return Messages.getOr("node." + d.id() + ".help", d.help());
    }

    /** A category as a key, a CSS class and an icon name ("Missing values" becomes missing-values). */
    public static String categorySlug(String category) {
        return category.toLowerCase(Locale.ROOT).replace(' ', '-');
    }

    /** A category's display name. */
    public static String categoryName(String category) {
        return Messages.getOr("category." + categorySlug(category), category);
    }

    /** A parameter's display name (translated by its English label, shared by nodes that use the same one). */
    public static String paramLabel(ParamSpec spec) {
        return Messages.getOr("label." + labelKey(spec.label()), spec.label());
    }

    /** A parameter's help. */
    public static String paramHelp(NodeDescriptor d, ParamSpec spec) {
        return Messages.getOr("param." + d.id() + "." + spec.name() + ".help", spec.help());
    }

    /** The bundle key part for an English parameter label ("Time budget (s)" becomes time-budget-s). */
    public static String labelKey(String label) {
        return label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }
}
