package io.tablewise.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** An exact sum is the true sum rounded once, whatever the order of the values and however they are split. */
class ExactSumTest {
    @Test
    void theSumIsTheTrueSumRoundedOnceInAnyOrderAndAnySplit() {
        Random r = new Random(5);
        for (int round = 0; round < 200; round++) {
            List<Double> values = new ArrayList<>();
            int n = 1 + r.nextInt(300);
            for (int i = 0; i < n; i++) {
                // wild magnitudes and cancellation: naive summation gets these wrong
                double v = (r.nextBoolean() ? 1 : -1) * r.nextDouble() * Math.pow(10, r.nextInt(40) - 20);
                values.add(v);
                if (r.nextInt(10) == 0) {
                    values.add(-v);
                }
            }
            BigDecimal exact = BigDecimal.ZERO;
            for (double v : values) {
                exact = exact.add(new BigDecimal(v));
            }
            double expected = exact.doubleValue();
            ExactSum whole = new ExactSum();
            values.forEach(whole::add);
            assertEquals(expected, whole.value(), 0.0, "round " + round);
            Collections.shuffle(values, r);
            int cut = r.nextInt(values.size() + 1);
            ExactSum left = new ExactSum();
            ExactSum right = new ExactSum();
            values.subList(0, cut).forEach(left::add);
            values.subList(cut, values.size()).forEach(right::add);
            right.add(left);
            assertEquals(expected, right.value(), 0.0, "round " + round + ", shuffled and merged");
        }
        ExactSum s = new ExactSum();
        s.add(1e308);
        s.add(1e308);
        assertEquals(Double.POSITIVE_INFINITY, s.value());
        s.add(Double.NEGATIVE_INFINITY);
        assertEquals(Double.NaN, s.value());
        assertEquals(0.0, new ExactSum().value());
    }
}
