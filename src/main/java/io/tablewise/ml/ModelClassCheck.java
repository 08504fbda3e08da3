package io.tablewise.ml;

import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnknownFieldSet;

/**
 * Checks every class name a model file mentions before any class is loaded. Tribuo rebuilds a model by reflection
 * on the class names in the file, nested ones included (feature and output domains, provenance, the model's own
 * parts, each packed inside the outer message), so an allow-list on the outer class alone lets a crafted file make
 * the JVM load any class on the class path. Here the file is walked as raw protobuf, every nested message
 * included, and every text that has the shape of a Java class name must belong to Tribuo or its configuration
 * library (OLCUT), or be one of the few plain Java types provenance records.
 */
final class ModelClassCheck {
    /** The shape of a qualified class name: lower-case packages, a type starting with a capital. */
    private static final Pattern CLASS_NAME = Pattern.compile("([a-z_][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*");
    /** Tribuo's and OLCUT's Java packages, and their protobuf message names (not Java classes). */
    private static final Set<String> PREFIXES = Set.of("org.tribuo.", "com.oracle.labs.mlrg.olcut.", "tribuo.",
            "olcut.");
    /** Plain value types recorded in provenance; loading them runs nothing. */
    private static final Set<String> JAVA_VALUES = Set.of("java.lang.String", "java.lang.Integer", "java.lang.Long",
            "java.lang.Double", "java.lang.Float", "java.lang.Boolean", "java.lang.Short", "java.lang.Byte",
            "java.lang.Character", "java.io.File", "java.nio.file.Path", "java.net.URL", "java.time.OffsetDateTime",
            "java.util.Random", "java.util.SplittableRandom");
    private static final int MAX_DEPTH = 40;

    private ModelClassCheck() {
    }

    /**
     * Throws naming the first class that is not allowed.
     *
     * @param bytes the model file's content
     * @param fileName the file's name, for the message
     */
    static void check(byte[] bytes, String fileName) throws IOException {
        Set<String> refused = new TreeSet<>();
        walk(ByteString.copyFrom(bytes), 0, refused);
        if (!refused.isEmpty()) {
            throw new IOException(fileName + " names classes that Tablewise does not load (" + String.join(", ",
                    refused.stream().limit(5).toList()) + (refused.size() > 5 ? ", …" : "") + "); it was not made "
                    + "by Tablewise or has been altered. Build the model again");
        }
    }

    private static void walk(ByteString bytes, int depth, Set<String> refused) {
        if (depth > MAX_DEPTH) {
            refused.add("(nested deeper than " + MAX_DEPTH + " levels)");
            return;
        }
        UnknownFieldSet fields;
        try {
            fields = UnknownFieldSet.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            return; // not a message: plain bytes (a booster, numbers)
        }
        for (UnknownFieldSet.Field field : fields.asMap().values()) {
            for (ByteString value : field.getLengthDelimitedList()) {
                if (value.isValidUtf8()) {
                    String text = value.toStringUtf8();
                    if (CLASS_NAME.matcher(text).matches() && !allowed(text)) {
                        refused.add(text);
                    }
                }
                walk(value, depth + 1, refused);
            }
            for (UnknownFieldSet group : field.getGroupList()) {
                walk(group.toByteString(), depth + 1, refused);
            }
        }
    }

    private static boolean allowed(String className) {
        return JAVA_VALUES.contains(className) || PREFIXES.stream().anyMatch(className::startsWith);
    }
}
