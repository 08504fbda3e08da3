package io.tablewise.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import io.tablewise.node.TablesawInit;

/** Encoding learned on training rows only and replayed on the others. */
class FeatureEncoderTest {
    private static Table table() {
        TablesawInit.ensure();
        int n = 50;
        DoubleColumn amount = DoubleColumn.create("amount");
        StringColumn city = StringColumn.create("city");
        StringColumn id = StringColumn.create("id");
        DoubleColumn constant = DoubleColumn.create("constant");
        DateColumn joined = DateColumn.create("joined");
        for (int i = 0; i < n; i++) {
            amount.append(i % 7 == 0 ? Double.NaN : i * 1.5);
            // the test rows (40..49) bring a city never seen in training
            city.append(i >= 40 ? "제주" : i % 3 == 0 ? "서울" : i % 3 == 1 ? "부산" : "대구");
            id.append("C" + (1000 + i));
            constant.append(3);
            joined.append(LocalDate.of(2024, 1, 1).plusDays(i * 10));
        }
        return Table.create("t", amount, city, id, constant, joined);
    }

    private static int[] rows(int from, int to) {
        return java.util.stream.IntStream.range(from, to).toArray();
    }

    @Test
    void choicesAreLearnedOnTrainingRowsAndListed() {
        Table t = table();
        FeatureEncoder e = FeatureEncoder.fit(t, List.of("amount", "city", "id", "constant", "joined"), rows(0, 40));
        // 서울 is the most frequent in training (14 rows); 대구 and 부산 (13 each) follow by name
        assertEquals(List.of("amount", "city = 서울", "city = 대구", "city = 부산", "joined (day number)",
                "joined (month)", "joined (weekday)"), e.featureNames());
        assertEquals("city", e.featureSources().get(1));
        FeatureEncoder.Choice id = e.choices().get(2);
        assertEquals(0, id.features());
        assertTrue(id.action().contains("identifier"), id.action());
        assertTrue(e.choices().get(3).action().contains("single value"));
    }

    @Test
    void replayOnUnseenRowsUsesOnlyWhatWasLearned() {
        Table t = table();
        FeatureEncoder e = FeatureEncoder.fit(t, List.of("amount", "city", "joined"), rows(0, 40));
        // row 42: amount missing (42 % 7 == 0), city 제주 (unseen: no indicator set), joined 2024-01-01 + 420 days
        double[] x = e.encode(t, 42);
        assertTrue(Double.isNaN(x[0]));
        assertArrayEquals(new double[] {0, 0, 0}, java.util.Arrays.copyOfRange(x, 1, 4));
        LocalDate d = LocalDate.of(2024, 1, 1).plusDays(420);
        assertArrayEquals(new double[] {d.toEpochDay(), d.getMonthValue(), d.getDayOfWeek().getValue()},
                java.util.Arrays.copyOfRange(x, 4, 7));
        assertEquals(44 * 1.5, e.encode(t, 44)[0]);
    }

    @Test
    void aColumnWithManyValuesAlsoGetsEachValuesTrainingShare() {
        TablesawInit.ensure();
        // 400 rows, 80 shop codes: shop k appears k % 8 + 1 times in every block of 36 (not an identifier)
        StringColumn shop = StringColumn.create("shop");
        java.util.Map<String, Integer> counts = new java.util.HashMap<>();
        for (int i = 0; shop.size() < 400; i++) {
            String code = "S" + (i % 80);
            for (int k = 0; k <= (i % 80) % 8 && shop.size() < 400; k++) {
                shop.append(code);
                if (shop.size() <= 300) {
                    counts.merge(code, 1, Integer::sum);
                }
            }
        }
        shop.set(399, "new shop");
        Table t = Table.create("t", shop);
        FeatureEncoder e = FeatureEncoder.fit(t, List.of("shop"), rows(0, 300));
        List<String> names = e.featureNames();
        assertEquals(FeatureEncoder.MAX_CATEGORIES + 2, names.size(), "30 indicators, other, and the frequency");
        assertEquals("shop (frequency)", names.get(names.size() - 1));
        int at = names.size() - 1;
        for (int r : new int[] {0, 57, 299, 350}) {
            String v = shop.get(r);
            assertEquals(counts.getOrDefault(v, 0) / 300.0, e.encode(t, r)[at], 1e-12, v);
        }
        assertEquals(0, e.encode(t, 399)[at], 0.0, "a value never seen in training");
        assertTrue(e.choices().get(0).action().contains("share of the training rows"), e.choices().toString());
        FeatureEncoder back = FeatureEncoder.fromState(e.state());
        for (int r = 0; r < t.rowCount(); r++) {
            assertArrayEquals(e.encode(t, r), back.encode(t, r), 0.0);
        }
    }
}
