package io.tablewise.data;

import java.nio.charset.Charset;
import java.util.Arrays;

/**
 * Turns byte ranges into Strings, returning the same String instance for the same bytes. Categorical columns
 * repeat a few values millions of times; interning avoids one String per cell (which would need several times
 * the memory of the table) and makes Tablesaw's dictionary lookups hit cached hash codes. Not thread-safe: one
 * per column per worker.
 */
public final class StringInterner {
    private static final int MAX_ENTRIES = 1 << 20;

    private final Charset charset;
    private int[] table = new int[256];
    private byte[][] keys = new byte[64][];
    private String[] values = new String[64];
    private int size;

    /** An interner decoding with {@code charset}. */
    public StringInterner(Charset charset) {
        this.charset = charset;
        Arrays.fill(table, -1);
    }

    /** The String for {@code b[s..e)}. */
    public String intern(byte[] b, int s, int e) {
        int h = hash(b, s, e);
        int mask = table.length - 1;
        int slot = h & mask;
        while (true) {
            int id = table[slot];
            if (id < 0) {
                break;
            }
            byte[] k = keys[id];
            if (Arrays.equals(k, 0, k.length, b, s, e)) {
                return values[id];
            }
            slot = (slot + 1) & mask;
        }
        String value = new String(b, s, e - s, charset);
        if (size >= MAX_ENTRIES) {
            // Mostly unique text (names, comments): stop remembering, interning would only cost memory.
            return value;
        }
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        keys[size] = Arrays.copyOfRange(b, s, e);
        values[size] = value;
        table[slot] = size;
        size++;
        if (size * 2 > table.length) {
            rehash();
        }
        return value;
    }

    private void rehash() {
        int[] bigger = new int[table.length * 2];
        Arrays.fill(bigger, -1);
        int mask = bigger.length - 1;
        for (int id = 0; id < size; id++) {
            int slot = hash(keys[id], 0, keys[id].length) & mask;
            while (bigger[slot] >= 0) {
                slot = (slot + 1) & mask;
            }
            bigger[slot] = id;
        }
        table = bigger;
    }

    private static int hash(byte[] b, int s, int e) {
        int h = 0x9747b28c;
        for (int i = s; i < e; i++) {
            h = (h ^ b[i]) * 0x01000193;
        }
        return h ^ (h >>> 16);
    }
}
