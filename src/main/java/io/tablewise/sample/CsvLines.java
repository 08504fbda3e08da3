package io.tablewise.sample;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import io.tablewise.io.AtomicFiles;

/** Writes generated rows as a UTF-8 CSV (LF line ends), atomically. */
final class CsvLines {
    /** Writes one data row per call. */
    @FunctionalInterface
    interface RowWriter {
        void write(Writer w, int row) throws IOException;
    }

    private CsvLines() {
    }

    static void write(Path file, String header, int rows, RowWriter rowWriter) throws IOException {
        AtomicFiles.write(file, out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            w.write(header);
            w.write('\n');
            for (int r = 0; r < rows; r++) {
                rowWriter.write(w, r);
                w.write('\n');
            }
            w.flush();
        });
    }
}
