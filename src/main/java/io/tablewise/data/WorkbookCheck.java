package io.tablewise.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import io.tablewise.node.NodeException;

/**
 * Looks at a workbook's sheets before the Excel reader does: a cell reference such as {@code ZZZZZZ1} in a 2 KB file
 * makes the reader lay out 321 million empty cells (minutes, then out of memory). Cell references are scanned as
 * bytes, which costs far less than the reader's own parse, and a column past {@link ReadLimits#MAX_COLUMNS} is
 * refused with the cell named.
 */
final class WorkbookCheck {
    private static final byte[] REF = " r=\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private WorkbookCheck() {
    }

    /** Throws when a sheet of {@code file} names a cell beyond the column limit. */
    static void checkColumns(Path file, String name) throws NodeException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                if (e.getName().startsWith("xl/worksheets/") && e.getName().endsWith(".xml")) {
                    try (InputStream in = zip.getInputStream(e)) {
                        String far = farCell(in);
                        if (far != null) {
                            throw new NodeException("path", name + " has a cell at " + far + ", beyond column "
                                    + ReadLimits.MAX_COLUMNS + " (XFD, Excel's own last column); is the workbook "
                                    + "damaged? Save it again from Excel, or export the sheet to CSV");
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // not a readable zip (or entry names that are not UTF-8): the Excel reader says so in its own words
        }
    }

    /** The first cell reference whose column is past the limit, or null. */
    static String farCell(InputStream in) throws IOException {
        byte[] buf = new byte[1 << 16];
        int matched = 0;
        StringBuilder ref = null;
        int n;
        while ((n = in.read(buf)) > 0) {
            for (int i = 0; i < n; i++) {
                byte b = buf[i];
                if (ref != null) {
                    if (b >= 'A' && b <= 'Z' && ref.length() < 16) {
                        ref.append((char) b);
                        continue;
                    }
                    if (ref.length() > 0 && column(ref) > ReadLimits.MAX_COLUMNS) {
                        return ref.toString() + (b >= '0' && b <= '9' ? "…" : "");
                    }
                    ref = null;
                }
                matched = b == REF[matched] ? matched + 1 : (b == REF[0] ? 1 : 0);
                if (matched == REF.length) {
                    matched = 0;
                    ref = new StringBuilder();
                }
            }
        }
        return null;
    }

    private static long column(CharSequence letters) {
        long c = 0;
        for (int i = 0; i < letters.length(); i++) {
            c = c * 26 + (letters.charAt(i) - 'A' + 1);
            if (c > Integer.MAX_VALUE) {
                return c;
            }
        }
        return c;
    }
}
