package io.tablewise.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValueParsersTest {
    private static double parse(String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        return ValueParsers.parseDouble(b, 0, b.length);
    }

    @Test
    void decimalsParseToTheSameDoubleAsTheJdk() {
        Random random = new Random(1);
        for (int i = 0; i < 200_000; i++) {
            double v = switch (i % 4) {
                case 0 -> random.nextGaussian() * 1e4;
                case 1 -> random.nextDouble();
                case 2 -> Math.exp(random.nextGaussian() * 20);
                default -> Math.round(random.nextGaussian() * 1e6) / 1000.0;
            };
            String[] forms = {Double.toString(v), String.format(java.util.Locale.ROOT, "%.6f", v),
                String.format(java.util.Locale.ROOT, "%.2f", v), String.format(java.util.Locale.ROOT, "%.17g", v)};
            for (String s : forms) {
                assertEquals(Double.parseDouble(s), parse(s), s);
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"0.1,0.1", "-0.0,-0.0", "000123.4500,123.45", "1e308,1e308", "4.9e-324,4.9e-324",
        "123456789012345678,123456789012345678", "0.30000000000000004,0.30000000000000004"})
    void edgeCasesMatchTheJdk(String text, double expected) {
        assertEquals(expected, parse(text));
    }

    @ParameterizedTest
    @CsvSource({
        "42,INT", "-2147483647,INT", "-2147483648,LONG", "2147483648,LONG", "-9223372036854775808,DOUBLE",
        "9223372036854775808,DOUBLE", "3.5,DOUBLE",
        "1e5,DOUBLE", "true,BOOL", "FALSE,BOOL", "2024-01-31,DATE", "1/2/2024,DATE", "31.12.2024,DATE",
        "12:30,NONE", "abc,NONE", "1.2.3,NONE", "-,NONE", "2024-13-01,NONE"})
    void classifiesValues(String text, String expected) {
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        int mask = ValueParsers.classify(b, 0, b.length);
        String kind = (mask & ValueParsers.INT) != 0 ? "INT" : (mask & ValueParsers.LONG) != 0 ? "LONG"
                : (mask & ValueParsers.DOUBLE) != 0 ? "DOUBLE" : (mask & ValueParsers.BOOL) != 0 ? "BOOL"
                : (mask & ValueParsers.DATE_ANY) != 0 ? "DATE" : "NONE";
        assertEquals(expected, kind);
    }
}
