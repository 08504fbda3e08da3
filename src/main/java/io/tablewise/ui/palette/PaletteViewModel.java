package io.tablewise.ui.palette;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.tablewise.node.NodeDescriptor;
import io.tablewise.node.NodeType;
import io.tablewise.node.registry.NodeRegistry;
import io.tablewise.ui.NodeTexts;

/**
 * The palette's content: every registered node type grouped by category in registry order, filtered by a search
 * text that matches the (translated) name, the help, the category or the type id.
 */
public final class PaletteViewModel {
    /** One node type as the palette shows it. */
    public record Entry(String typeId, String name, String category, String help) {
    }

    private final List<Entry> entries = new ArrayList<>();

    /** The palette of {@code registry}'s node types. */
    public PaletteViewModel(NodeRegistry registry) {
        for (NodeType t : registry.all()) {
            NodeDescriptor d = t.descriptor();
            entries.add(new Entry(d.id(), NodeTexts.name(d), d.category(), NodeTexts.help(d)));
        }
    }

    /** Categories (in first-seen order) with their entries that match {@code search} (all when blank). */
    public Map<String, List<Entry>> groups(String search) {
        String[] words = search == null ? new String[0] : search.strip().toLowerCase(Locale.ROOT).split("\\s+");
        Map<String, List<Entry>> groups = new LinkedHashMap<>();
        for (Entry e : entries) {
            if (matches(e, words)) {
                groups.computeIfAbsent(e.category(), k -> new ArrayList<>()).add(e);
            }
        }
        return groups;
    }

    /** The category's display name in the current language. */
    public static String categoryName(String category) {
        return NodeTexts.categoryName(category);
    }

    private static boolean matches(Entry e, String[] words) {
        String haystack = (e.name() + " " + e.typeId() + " " + e.help() + " " + e.category() + " "
                + categoryName(e.category())).toLowerCase(Locale.ROOT);
        for (String w : words) {
            if (!w.isEmpty() && !haystack.contains(w)) {
                return false;
            }
        }
        return true;
    }
}
