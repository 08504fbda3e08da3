package io.tablewise.data.csv;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Guesses the character set of a text file: a byte-order mark decides at once (UTF-8, UTF-16 LE/BE); without
 * one, zero bytes in alternate positions mean UTF-16; bytes that are valid UTF-8 throughout mean UTF-8; text
 * whose non-ASCII bytes pair up as EUC-KR/CP949 Hangul means CP949 (Korean Excel exports); anything else is read
 * as Windows-1252 (Western Excel exports).
 */
public final class EncodingDetector {
    /** Java's name for CP949 (a superset of EUC-KR). */
    public static final Charset CP949 = Charset.forName("x-windows-949");
    /** Windows-1252. */
    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /**
     * The detected encoding and the length of the byte-order mark to skip.
     *
     * @param charset the character set
     * @param bomLength bytes to skip at the start
     */
    public record Detected(Charset charset, int bomLength) {
    }

    private EncodingDetector() {
    }

    /** The length of a byte-order mark at the start of {@code b} for {@code charset}, or 0. */
    public static int bomLength(byte[] b, Charset charset) {
        if (charset.equals(StandardCharsets.UTF_8) && startsWith(b, 0xEF, 0xBB, 0xBF)) {
            return 3;
        }
        if (charset.equals(StandardCharsets.UTF_16LE) && startsWith(b, 0xFF, 0xFE)) {
            return 2;
        }
        if (charset.equals(StandardCharsets.UTF_16BE) && startsWith(b, 0xFE, 0xFF)) {
            return 2;
        }
        return 0;
    }

    /** Detects the encoding of a whole file's bytes. */
    public static Detected detect(byte[] b) {
        if (startsWith(b, 0xEF, 0xBB, 0xBF)) {
            return new Detected(StandardCharsets.UTF_8, 3);
        }
        if (startsWith(b, 0xFF, 0xFE)) {
            return new Detected(StandardCharsets.UTF_16LE, 2);
        }
        if (startsWith(b, 0xFE, 0xFF)) {
            return new Detected(StandardCharsets.UTF_16BE, 2);
        }
        Charset utf16 = utf16WithoutBom(b);
        if (utf16 != null) {
            return new Detected(utf16, 0);
        }
        if (isValidUtf8(b)) {
            return new Detected(StandardCharsets.UTF_8, 0);
        }
        return new Detected(looksKorean(b) ? CP949 : WINDOWS_1252, 0);
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static Charset utf16WithoutBom(byte[] b) {
        int n = Math.min(b.length, 4096) & ~1;
        if (n < 4) {
            return null;
        }
        int evenZeros = 0;
        int oddZeros = 0;
        for (int i = 0; i < n; i += 2) {
            if (b[i] == 0) {
                evenZeros++;
            }
            if (b[i + 1] == 0) {
                oddZeros++;
            }
        }
        int pairs = n / 2;
        if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) {
            return StandardCharsets.UTF_16LE;
        }
        if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    /** True if every byte sequence is well-formed UTF-8 (shortest form, no surrogates). */
    public static boolean isValidUtf8(byte[] b) {
        return isValidUtf8(b, 0, b.length);
    }

    /** True if {@code b[from..to)} is well-formed UTF-8 (the range must not split a multi-byte sequence). */
    public static boolean isValidUtf8(byte[] b, int from, int to) {
        int i = from;
        int n = to;
        while (i < n) {
            int c = b[i];
            if (c >= 0) {
                i++;
                continue;
            }
            c &= 0xFF;
            int extra;
            int min;
            if (c >= 0xC2 && c <= 0xDF) {
                extra = 1;
                min = 0x80;
            } else if (c >= 0xE0 && c <= 0xEF) {
                extra = 2;
                min = 0x800;
            } else if (c >= 0xF0 && c <= 0xF4) {
                extra = 3;
                min = 0x10000;
            } else {
                return false;
            }
            if (i + extra >= n) {
                return false;
            }
            int cp = c & (0x3F >> extra);
            for (int k = 1; k <= extra; k++) {
                int t = b[i + k] & 0xFF;
                if ((t & 0xC0) != 0x80) {
                    return false;
                }
                cp = (cp << 6) | (t & 0x3F);
            }
            if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                return false;
            }
            i += extra + 1;
        }
        return true;
    }

    /** Most non-ASCII bytes form EUC-KR Hangul or Hanja pairs (lead 0xA1-0xFE, trail 0xA1-0xFE). */
    private static boolean looksKorean(byte[] b) {
        long high = 0;
        long pairs = 0;
        for (int i = 0; i < b.length; i++) {
            int c = b[i] & 0xFF;
            if (c < 0x80) {
                continue;
            }
            high++;
            if (i + 1 < b.length) {
                int t = b[i + 1] & 0xFF;
                // EUC-KR proper, or CP949's extension with a non-ASCII trail byte: Western text almost never
                // has two high bytes in a row, so this separates the two well.
                boolean eucKr = c >= 0xA1 && c <= 0xFE && t >= 0xA1 && t <= 0xFE;
                boolean uhc = c >= 0x81 && c <= 0xC6 && t >= 0x81 && t <= 0xFE;
                if (eucKr || uhc) {
                    pairs++;
                    high++;
                    i++;
                }
            }
        }
        return high > 0 && pairs * 2 >= high * 0.8;
    }
}
