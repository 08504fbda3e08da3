package io.tablewise.data;

import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.Collection;

/**
 * The texts that mean "no value" (by default empty, {@code NA}, {@code N/A}, {@code null}, {@code ?}), matched
 * exactly on the raw bytes of a field. An empty field is always missing.
 */
public final class MissingTokens {
    /** The default tokens. */
    public static final java.util.List<String> DEFAULTS = java.util.List.of("", "NA", "N/A", "null", "?");

    private final byte[][] tokens;
    private final long lengthMask;

    /** Tokens encoded in the file's charset. */
    public MissingTokens(Collection<String> values, Charset charset) {
        this.tokens = values.stream().filter(v -> !v.isEmpty()).map(v -> v.getBytes(charset))
                .toArray(byte[][]::new);
        long m = 0;
        for (byte[] t : tokens) {
            m |= t.length < 63 ? 1L << t.length : 1L << 63;
        }
        this.lengthMask = m;
    }

    /** True if {@code b[s..e)} is empty or one of the tokens. */
    public boolean isMissing(byte[] b, int s, int e) {
        int n = e - s;
        if (n == 0) {
            return true;
        }
        if ((lengthMask & (n < 63 ? 1L << n : 1L << 63)) == 0) {
            return false;
        }
        for (byte[] t : tokens) {
            if (t.length == n && Arrays.equals(t, 0, n, b, s, e)) {
                return true;
            }
        }
        return false;
    }
}
