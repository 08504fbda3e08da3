package io.tablewise.insights;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import io.tablewise.io.AtomicFiles;

/**
 * The report as JSON: the records as they are, pretty-printed, with NaN and infinite numbers written as
 * {@code null} (JSON has no NaN) so any tool can read the file.
 */
public final class ReportJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .registerModule(new SimpleModule("finite-numbers")
                    .addSerializer(Double.class, new FiniteDouble())
                    .addSerializer(double.class, new FiniteDouble())
                    .addSerializer(double[].class, new FiniteArray()));

    private ReportJson() {
    }

    /** The JSON text. */
    public static String toJson(InsightsReport report) {
        try {
            return MAPPER.writeValueAsString(report);
        } catch (IOException e) {
            throw new IllegalStateException("a report is plain data and always serialises", e);
        }
    }

    /** Writes the JSON file atomically. */
    public static void write(InsightsReport report, Path file) throws IOException {
        byte[] bytes = toJson(report).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    private static final class FiniteDouble extends StdSerializer<Double> {
        FiniteDouble() {
            super(Double.class);
        }

        @Override
        public void serialize(Double value, JsonGenerator g, SerializerProvider provider) throws IOException {
            if (value == null || value.isNaN() || value.isInfinite()) {
                g.writeNull();
            } else {
                g.writeNumber(value);
            }
        }
    }

    private static final class FiniteArray extends StdSerializer<double[]> {
        FiniteArray() {
            super(double[].class);
        }

        @Override
        public void serialize(double[] values, JsonGenerator g, SerializerProvider provider) throws IOException {
            g.writeStartArray();
            for (double v : values) {
                if (Double.isNaN(v) || Double.isInfinite(v)) {
                    g.writeNull();
                } else {
                    g.writeNumber(v);
                }
            }
            g.writeEndArray();
        }
    }
}
