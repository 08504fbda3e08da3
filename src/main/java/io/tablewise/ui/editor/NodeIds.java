package io.tablewise.ui.editor;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/** Readable, unique node ids made from a display name ("Import CSV / text" becomes {@code import_csv_text}). */
public final class NodeIds {
    private NodeIds() {
    }

    /** A new id based on {@code name} that is not in {@code taken}. */
    public static String fresh(String name, Set<String> taken) {
        String base = slug(name);
        if (!taken.contains(base)) {
            return base;
        }
        for (int i = 2; ; i++) {
            String candidate = base + "_" + i;
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
    }

    /** Lower-case letters, digits and underscores; Korean and other letters are kept as they are. */
    static String slug(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        String slug = plain.replaceAll("[^\\p{L}\\p{N}]+", "_").replaceAll("^_+|_+$", "");
        return slug.isEmpty() ? "node" : slug;
    }
}
