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

    @Test
    void theThetaMethodGivesRsThetafForecastsOnMonthlyCarSales() throws Exception {
        Path file = Path.of("../shared/data/monthly-car-sales.csv");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(file), "../shared/data/monthly-car-sales.csv is "
                + "absent: this check needs the shared data beside the project");
        double[] y = Files.readAllLines(file).stream().skip(1).filter(l -> !l.isBlank()).mapToDouble(l -> Double
                .parseDouble(l.substring(l.indexOf(',') + 1))).toArray();
        double[] train = java.util.Arrays.copyOf(y, y.length - 12);
        // car_sales_ets.R prints R's thetaf forecasts of the same split
        String line = Files.readAllLines(Path.of("src/test/resources/io/tablewise/forecast/car_sales_ets.expected"))
                .stream().filter(l -> l.startsWith("theta ")).findFirst().orElseThrow();
        double[] r = java.util.Arrays.stream(line.substring(6).split(" ")).mapToDouble(Double::parseDouble).toArray();
        Theta t = Theta.fit(train, 12);
        assertEquals("Theta (seasonally adjusted)", t.name());
        double[] f = t.forecast(12);
        for (int h = 0; h < 12; h++) {
            // R's optimiser stops at its own tolerance: forecasts agree to a thousandth of a percent
            assertEquals(r[h], f[h], 1e-5 * r[h], "month " + (h + 1));
        }
    }

    @Test
    void thetaWithoutASeasonFollowsHalfTheTrend() {
        // a straight line with noise-free slope 3: SES with drift 1.5 plus the level's lag recovers the line's
        // continuation closely; no seasonality is found in a line
        double[] y = new double[40];
        for (int t = 0; t < y.length; t++) {
            y[t] = 50 + 3 * t;
        }
        Theta th = Theta.fit(y, 12);
        assertEquals("Theta", th.name());
        double[] f = th.forecast(3);
        assertTrue(f[0] > y[39] && f[1] > f[0] && f[2] > f[1], java.util.Arrays.toString(f));
        assertEquals(1.5, f[1] - f[0], 1e-9);
    }
}
