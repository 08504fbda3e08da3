package io.tablewise.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** Small JSON reports written atomically and indented, a number that is not one (NaN, infinite) as null. */
public final class JsonFiles {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonFiles() {
    }

    /** Writes {@code value} (maps, lists, numbers, texts) to {@code file}. */
    public static void write(Object value, Path file) throws IOException {
        String text = JSON.writeValueAsString(value).replace("\"NaN\"", "null").replace("\"Infinity\"", "null")
                .replace("\"-Infinity\"", "null");
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, o -> o.write(bytes));
    }
}
