package io.tablewise.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class EtsTest {
    static double mase(double[] train, double[] actual, double[] forecast, int m) {
        double scale = 0;
        for (int i = m; i < train.length; i++) {
            scale += Math.abs(train[i] - train[i - m]);
        }
        scale /= train.length - m;
        double mae = 0;
        for (int i = 0; i < actual.length; i++) {
            mae += Math.abs(actual[i] - forecast[i]);
        }
        return mae / actual.length / scale;
    }

    @Test
    void aSeriesWithTrendAndSeasonIsRecoveredExactly() {
        // y = 100 + 2 t + a fixed season of 12: additive Holt-Winters forecasts it with small error
        double[] season = {5, -3, 8, 12, -7, 0, 3, -9, 4, 6, -11, -8};
        double[] y = new double[120];
        for (int t = 0; t < y.length; t++) {
            y[t] = 100 + 2 * t + season[t % 12];
        }
        double[] train = java.util.Arrays.copyOf(y, 108);
        Ets e = Ets.fit(train, 12);
        double[] f = e.forecast(12);
        for (int h = 0; h < 12; h++) {
            assertEquals(y[108 + h], f[h], 1.0, e.name() + " at " + h);
        }
    }

    @Test
    void onMonthlyCarSalesTheFormWithTheBestAiccBeatsTheSeasonalNaive() throws Exception {
        Path file = Path.of("../shared/data/monthly-car-sales.csv");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(file), "../shared/data/monthly-car-sales.csv is "
                + "absent: this check needs the shared data beside the project");
        List<String> lines = Files.readAllLines(file);
        double[] y = lines.stream().skip(1).filter(l -> !l.isBlank()).mapToDouble(l -> Double.parseDouble(
                l.substring(l.indexOf(',') + 1))).toArray();
        double[] train = java.util.Arrays.copyOf(y, y.length - 12);
        double[] test = java.util.Arrays.copyOfRange(y, y.length - 12, y.length);
        Ets e = Ets.fit(train, 12);
        double ets = mase(train, test, e.forecast(12), 12);
        double naive = mase(train, test, new SeasonalNaive(train, 12).forecast(12), 12);
        assertTrue(ets < naive, e.name() + " " + ets + " vs " + naive);
    }
}
