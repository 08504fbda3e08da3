package io.tablewise.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

import io.tablewise.data.DataFiles;
import io.tablewise.node.ProgressMonitor;
import io.tablewise.sample.RetailGenerator;

/**
 * The generated retail sales (store x item, daily, promotions and Korean holidays, the true mean known): the last
 * four weeks — Chuseok 2026 among them — held out and forecast from the history with the promotions and prices known
 * ahead.
 */
class RetailForecastTest {
    static final int SERIES = 36;
    static final int DAYS = 1000; // 2024-01-01 .. 2026-09-26: the held-out weeks end with Chuseok
    static final int HORIZON = 28;
    static final List<Double> QUANTILES = List.of(0.1, 0.5, 0.9);

    @TempDir
    static Path dir;
    static Table all;
    static Table history;

    @BeforeAll
    static void generate() throws Exception {
        Path file = dir.resolve("retail.csv");
        RetailGenerator.write(file, SERIES, DAYS, 11);
        all = DataFiles.read(file, ProgressMonitor.NONE).table();
        history = RetailHoldout.history(all, RetailGenerator.START.plusDays(DAYS - HORIZON));
    }

    /** {WAPE of p50, WAPE of the true mean, share inside P10-P90} over the held-out rows (or Chuseok's week). */
    static double[] heldOut(Table forecast, boolean chuseokOnly) {
        return RetailHoldout.heldOut(all, forecast, chuseokOnly ? LocalDate.of(2026, 9, 19)
                : RetailGenerator.START.plusDays(DAYS - HORIZON));
    }

    private static Forecaster.Result forecast(Holidays holidays, List<String> covariates, boolean global)
            throws Exception {
        return Forecaster.forecast(history, new Forecaster.Options("date", "sales", List.of("store", "item"),
                HORIZON, null, QUANTILES, holidays, covariates, global));
    }

    @Test
    void holidaysAndPromotionsKnownAheadMakeTheGlobalModelBeatEachSeriesOwnModels() throws Exception {
        Forecaster.Result full = forecast(Holidays.korean(), List.of("promo", "price"), true);
        Forecaster.Result local = forecast(Holidays.korean(), List.of("promo", "price"), false);
        Forecaster.Result noHolidays = forecast(Holidays.none(), List.of("promo", "price"), true);
        assertEquals(SERIES * HORIZON, full.forecast().rowCount());
        assertEquals(LocalDate.of(2026, 8, 30), full.forecast().dateColumn("date").get(0));
        double[] f = heldOut(full.forecast(), false);
        double[] l = heldOut(local.forecast(), false);
        double[] chuseok = heldOut(full.forecast(), true);
        double[] chuseokBlind = heldOut(noHolidays.forecast(), true);
        System.out.printf("retail held-out WAPE: global %.3f, local %.3f, truth %.3f; P10-P90 coverage %.2f; "
                + "Chuseok week %.3f with holidays, %.3f without%n", f[0], l[0], f[1], f[2], chuseok[0],
                chuseokBlind[0]);
        assertTrue(full.approaches().get("global") < full.approaches().get("local"), full.approaches().toString());
        assertTrue(f[0] < 0.85 * l[0], "the global model's WAPE " + f[0] + " against the local models' " + l[0]);
        // the Poisson noise alone costs f[1]: the forecast is within 1.8 times that floor
        assertTrue(f[0] < 1.8 * f[1], "WAPE " + f[0] + " against the noise floor " + f[1]);
        assertTrue(chuseok[0] < 0.85 * chuseokBlind[0], "holidays help in Chuseok's week: " + chuseok[0] + " vs "
                + chuseokBlind[0]);
        assertTrue(f[2] > 0.6 && f[2] < 0.95, "P10-P90 held " + f[2]);
        assertTrue(full.overall().wape() > 0 && full.overall().coverage() > 0.6, full.overall().toString());
    }

    @Test
    void aSavedModelForecastsTheSameFromTheSameHistoryAndMovesOnWithNewerHistory() throws Exception {
        Forecaster.Result r = forecast(Holidays.korean(), List.of("promo", "price"), true);
        Path folder = dir.resolve("model");
        r.model().save(folder);
        ForecastModel loaded = ForecastModel.load(folder);
        Forecaster.Result again = loaded.forecastFrom(history);
        assertEquals(r.forecast().rowCount(), again.forecast().rowCount());
        for (String c : List.of("p10", "p50", "p90")) {
            double[] a = r.forecast().doubleColumn(c).asDoubleArray();
            double[] b = again.forecast().doubleColumn(c).asDoubleArray();
            for (int i = 0; i < a.length; i++) {
                assertEquals(a[i], b[i], 1e-9 * Math.max(1, Math.abs(a[i])), c + " row " + i);
            }
        }
        // a week more history: the forecasts start a week later
        Table newer = history.copy();
        LocalDate week = RetailGenerator.START.plusDays(DAYS - HORIZON + 7);
        DoubleColumn sales = newer.doubleColumn("sales");
        for (int i = 0; i < newer.rowCount(); i++) {
            if (newer.dateColumn("date").get(i).isBefore(week) && sales.isMissing(i)) {
                sales.set(i, all.numberColumn("sales").getDouble(i));
            }
        }
        Forecaster.Result later = loaded.forecastFrom(newer);
        assertEquals(week, later.forecast().dateColumn("date").get(0));
    }

    @Test
    void whatIfThePromotionRanEveryDayOfTheNextFourWeeks() throws Exception {
        Forecaster.Result r = forecast(Holidays.korean(), List.of("promo", "price"), true);
        List<String> key = List.of(all.stringColumn("store").get(0), all.stringColumn("item").get(0));
        assertTrue(r.model().usesGlobal(key), "the global model forecasts " + key);
        ForecastWhatIf.Outcome on = ForecastWhatIf.run(r.model(), history, key, Map.of("promo", 1.0));
        ForecastWhatIf.Outcome off = ForecastWhatIf.run(r.model(), history, key, Map.of("promo", 0.0));
        assertEquals(HORIZON, on.dates().size());
        // every item's promotion lifts its sales by 25-75% (the generator's truth): the model learned a lift
        System.out.printf("what-if promo every day: %+.0f%%; never: %+.0f%%%n", 100 * on.relativeChange(),
                100 * off.relativeChange());
        assertTrue(on.relativeChange() > 0.1, "promotion every day: " + on.relativeChange());
        assertTrue(off.relativeChange() <= 0.001, "no promotion: " + off.relativeChange());
        io.tablewise.node.NodeException e = org.junit.jupiter.api.Assertions.assertThrows(
                io.tablewise.node.NodeException.class, () -> ForecastWhatIf.run(r.model(), history, key,
                        Map.of("store", 1.0)));
        assertTrue(e.getMessage().contains("not a known-ahead column"), e.getMessage());
    }
}
