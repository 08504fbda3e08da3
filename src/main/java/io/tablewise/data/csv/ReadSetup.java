package io.tablewise.data.csv;

import java.nio.charset.Charset;
import java.util.List;

import io.tablewise.data.ErrorPolicy;
import io.tablewise.data.MissingTokens;
import io.tablewise.node.ColumnKind;

/**
 * What every chunk of one read shares: the bytes, the dialect, the column names and overrides, the missing
 * tokens and the policies.
 *
 * @param data the file's bytes (UTF-16 already transcoded to UTF-8)
 * @param end end of the data
 * @param dialect delimiter and quote
 * @param charset how to decode text values
 * @param names final column names
 * @param overrides type override per column index, or null entries
 * @param missing missing tokens
 * @param trim strip spaces and tabs around values
 * @param policy ragged-row and bad-value policy
 * @param speculative store values during the first pass (off when sampling, which selects rows afterwards)
 * @param recordBytes estimated bytes per record, to size the first pass's storage
 */
record ReadSetup(byte[] data, int end, DialectSniffer.Dialect dialect, Charset charset, List<String> names,
                 ColumnKind[] overrides, MissingTokens missing, boolean trim, ErrorPolicy policy,
                 boolean speculative, double recordBytes) {
    boolean anyOverride() {
        for (ColumnKind k : overrides) {
            if (k != null) {
                return true;
            }
        }
        return false;
    }

    int columnCount() {
        return names.size();
    }

    RecordScanner scanner(int start) {
        return new RecordScanner(data, start, end, dialect.delimiter(), dialect.quote());
    }

    int trimStart(RecordScanner sc, int field) {
        int s = sc.fieldStart[field];
        if (trim) {
            byte[] b = sc.fieldBuf[field];
            int e = sc.fieldEnd[field];
            while (s < e && (b[s] == ' ' || b[s] == '\t')) {
                s++;
            }
        }
        return s;
    }

    int trimEnd(RecordScanner sc, int field, int trimmedStart) {
        int e = sc.fieldEnd[field];
        if (trim) {
            byte[] b = sc.fieldBuf[field];
            while (e > trimmedStart && (b[e - 1] == ' ' || b[e - 1] == '\t')) {
                e--;
            }
        }
        return e;
    }

    /** A value as text for a message, shortened to 40 characters. */
    String text(byte[] b, int s, int e) {
        String t = new String(b, s, Math.min(e - s, 160), charset);
        return t.length() > 40 ? t.substring(0, 40) + "…" : t;
    }
}
