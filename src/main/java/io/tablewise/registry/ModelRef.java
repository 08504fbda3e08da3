package io.tablewise.registry;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reference to a registered model: {@code GROUP:VERSION} (a number), {@code GROUP@ALIAS} (e.g. {@code champion}),
 * {@code GROUP@latest} or {@code GROUP@latest-approved}.
 *
 * @param group the model group
 * @param version the version number, or 0 when {@code alias} names it
 * @param alias the alias, {@code latest} or {@code latest-approved}; null with a version number
 */
public record ModelRef(String group, int version, String alias) {
    /** The alias of the newest version. */
    public static final String LATEST = "latest";
    /** The alias of the newest approved version. */
    public static final String LATEST_APPROVED = "latest-approved";

    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}_.-]{0,99}");
    private static final Pattern REF = Pattern.compile("(.+?)(?::(\\d{1,9})|@(.+))");

    /** Whether a text is a valid group or alias name: letters (any script), digits, '_', '.', '-'; at most 100. */
    public static boolean validName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /**
     * Reads a reference.
     *
     * @throws IllegalArgumentException saying what a reference looks like
     */
    public static ModelRef parse(String text) {
        Matcher m = REF.matcher(text == null ? "" : text.strip());
        if (!m.matches() || !validName(m.group(1)) || (m.group(3) != null && !validName(m.group(3)))) {
            throw new IllegalArgumentException("'" + text + "' is not a model reference: write GROUP:VERSION "
                    + "(churn:3), GROUP@ALIAS (churn@champion) or GROUP@latest-approved");
        }
        if (m.group(2) != null) {
            int v = Integer.parseInt(m.group(2));
            if (v < 1) {
                throw new IllegalArgumentException("'" + text + "': versions count from 1");
            }
            return new ModelRef(m.group(1), v, null);
        }
        return new ModelRef(m.group(1), 0, m.group(3));
    }

    /**
     * Whether a text looks like a reference rather than a folder: {@code name:N} or {@code name@alias}, with no
     * path separator (a folder named {@code C:} or {@code a/b@c} stays a folder).
     */
    public static boolean looksLikeReference(String text) {
        if (text == null || text.contains("/") || text.contains("\\")) {
            return false;
        }
        try {
            parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return alias == null ? group + ":" + version : group + "@" + alias;
    }
}
