package io.tablewise.ui;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The studio's text, from {@code messages.properties} (English) and {@code messages_ko.properties} (Korean). The
 * language follows the OS unless the settings choose one; {@link #use} switches it while the studio runs.
 */
public final class Messages {
    private static final String BUNDLE = "io.tablewise.ui.messages";
    private static volatile ResourceBundle bundle = load(Locale.getDefault());

    private Messages() {
    }

    /** Switches the language ({@code null}: the OS's). */
    public static void use(Locale locale) {
        bundle = load(locale == null ? Locale.getDefault() : locale);
    }

    /** The language in use. */
    public static Locale locale() {
        Locale l = bundle.getLocale();
        return l == null || l.getLanguage().isEmpty() ? Locale.ENGLISH : l;
    }

    /** The text for {@code key}, with {@code {0}}-style arguments filled in. */
    public static String get(String key, Object... args) {
        String text;
        try {
            text = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return new MessageFormat(text, locale()).format(args);
    }

    /** The text for {@code key}, or {@code fallback} when the bundle has none (node names, categories). */
    public static String getOr(String key, String fallback) {
        return bundle.containsKey(key) ? bundle.getString(key) : fallback;
    }

    private static ResourceBundle load(Locale locale) {
        // Without this control an English user on a machine whose default is Korean would get Korean.
        return ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
