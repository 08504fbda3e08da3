package io.tablewise.insights;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import io.tablewise.ml.ProblemType;
import io.tablewise.ml.QuickModel;
import io.tablewise.ml.QuickModelResult;
import io.tablewise.ml.RowSampler;
import io.tablewise.ml.Values;
import io.tablewise.node.CancelledException;
import io.tablewise.node.ProgressMonitor;
import io.tablewise.node.Suggestions;
import io.tablewise.node.TablesawInit;

/**
 * Builds an {@link InsightsReport}: exact column profiles in parallel over all rows, duplicates over all rows,
 * then the sampled parts (a stratified sample when there is a classification target): prediction power,
 * correlations and anomalies. Progress and cancellation go through the monitor.
 */
public final class InsightsProfiler {
    private static final int SHOWN_ROWS = 10;

    /** Thrown when the options name a target the table does not have. */
    public static final class UnknownTargetException extends Exception {
        UnknownTargetException(String message) {
            super(message);
        }
    }

    /** Profiles a table. */
    public InsightsReport profile(Table table, InsightsOptions options, ProgressMonitor monitor, String version)
            throws UnknownTargetException {
        TablesawInit.ensure();
        long start = System.nanoTime();
        if (options.target() != null && !table.columnNames().contains(options.target())) {
            throw new UnknownTargetException("the table has no column '" + options.target() + "'"
                    + Suggestions.didYouMeanOrColumns(options.target(), table.columnNames()));
        }
        List<ColumnProfile> profiles = profileColumns(table, monitor);
        monitor.progress(0.45, "looking for duplicate rows");
        DuplicateRows.Result duplicates = DuplicateRows.find(table, SHOWN_ROWS);
        check(monitor);
        TargetSummary target = null;
        if (options.target() != null) {
            ColumnProfile tp = profiles.stream().filter(p -> p.name().equals(options.target())).findFirst()
                    .orElseThrow();
            target = TargetAnalysis.summarize(table.column(options.target()), tp,
                    TargetAnalysis.infer(tp, options.problemType()));
        }
        List<FeaturePower> power = List.of();
        QuickModelResult quickModel = null;
        Correlations correlations = null;
        List<RowSample> anomalies = List.of();
        long sampled = 0;
        if (options.sampledParts() && table.rowCount() > 0) {
            int[] sample = sample(table, target, options);
            sampled = sample.length;
            if (options.modelParts() && target != null && usableTarget(target)) {
                monitor.progress(0.5, "measuring each column's prediction power");
                String[] labels = target.problemType() == ProblemType.REGRESSION ? null
                        : Values.labels(table.column(target.column()));
                int[][] split = RowSampler.split(sample, labels, 0.2, options.seed());
                power = PredictionPower.compute(table, target.column(), target, split[0], split[1],
                        monitor::isCancelled);
                monitor.progress(0.6, "training a quick model");
                quickModel = QuickModel.build(table, target.column(), target.problemType(),
                        modelFeatures(profiles, target.column()), split[0], split[1], options.seed(),
                        monitor::isCancelled);
            }
            monitor.progress(0.8, "computing correlations and finding anomalous rows");
            // the two are independent: anomalies run on a second core while correlations run here
            CompletableFuture<List<RowSample>> anomalyRows = CompletableFuture.supplyAsync(
                    () -> Anomalies.find(table, profiles, sample, SHOWN_ROWS));
            correlations = CorrelationAnalysis.compute(table, profiles, sample, monitor::isCancelled);
            anomalies = anomalyRows.join();
        }
        long missingCells = profiles.stream().mapToLong(ColumnProfile::missing).sum();
        long cells = (long) table.rowCount() * table.columnCount();
        DatasetSummary draft = summary(table, profiles, missingCells, cells, duplicates.duplicates(), Map.of());
        List<QualityWarning> warnings = new ArrayList<>(WarningRules.apply(draft, profiles, target, power,
                correlations));
        Map<QualityWarning.Severity, Long> bySeverity = new EnumMap<>(QualityWarning.Severity.class);
        for (QualityWarning.Severity s : QualityWarning.Severity.values()) {
            bySeverity.put(s, warnings.stream().filter(w -> w.severity() == s).count());
        }
        DatasetSummary summary = summary(table, profiles, missingCells, cells, duplicates.duplicates(), bySeverity);
        monitor.progress(1, "report ready");
        InsightsReport.Meta meta = new InsightsReport.Meta(table.name(),
                LocalDateTime.now().withNano(0).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME), version, sampled,
                options.seed(), (System.nanoTime() - start) / 1e9);
        return new InsightsReport(meta, summary, profiles, warnings, target, power, quickModel, correlations,
                duplicates.groups(), anomalies);
    }

    /** Every column but the target and those with nothing to learn from (identifiers, empty columns). */
    private static List<String> modelFeatures(List<ColumnProfile> profiles, String target) {
        return profiles.stream().filter(p -> !p.name().equals(target))
                .filter(p -> p.semanticType() != SemanticType.ID_LIKE && p.semanticType() != SemanticType.EMPTY)
                .map(ColumnProfile::name).toList();
    }

    private static boolean usableTarget(TargetSummary t) {
        return t.problemType() == ProblemType.REGRESSION
                || (t.classes().size() >= 2 && t.classes().size() <= TargetAnalysis.MAX_ANALYSED_CLASSES);
    }

    private static int[] sample(Table table, TargetSummary target, InsightsOptions options) {
        if (target != null && target.problemType() != ProblemType.REGRESSION) {
            return RowSampler.stratified(Values.labels(table.column(target.column())), options.sampleRows(),
                    options.seed());
        }
        int[] rows = RowSampler.uniform(table.rowCount(), options.sampleRows(), options.seed());
        if (target == null) {
            return rows;
        }
        Column<?> t = table.column(target.column());
        return java.util.Arrays.stream(rows).filter(r -> !t.isMissing(r)).toArray();
    }

    private List<ColumnProfile> profileColumns(Table table, ProgressMonitor monitor) {
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), table.columnCount()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "tablewise-insights");
            t.setDaemon(true);
            return t;
        });
        try {
            AtomicInteger done = new AtomicInteger();
            List<Future<ColumnProfile>> futures = new ArrayList<>();
            for (Column<?> c : table.columns()) {
                futures.add(pool.submit(() -> {
                    check(monitor);
                    ColumnProfile p = ColumnProfiler.profile(c);
                    monitor.progress(0.4 * done.incrementAndGet() / table.columnCount(), "profiled " + c.name());
                    return p;
                }));
            }
            List<ColumnProfile> out = new ArrayList<>();
            for (Future<ColumnProfile> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof CancelledException ce) {
                throw ce;
            }
            throw new IllegalStateException("profiling failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static void check(ProgressMonitor monitor) {
        if (monitor.isCancelled()) {
            throw new CancelledException();
        }
    }

    private static DatasetSummary summary(Table table, List<ColumnProfile> profiles, long missingCells, long cells,
                                          long duplicates, Map<QualityWarning.Severity, Long> bySeverity) {
        Map<SemanticType, Long> types = new EnumMap<>(SemanticType.class);
        profiles.forEach(p -> types.merge(p.semanticType(), 1L, Long::sum));
        return new DatasetSummary(table.name(), table.rowCount(), table.columnCount(), missingCells,
                cells == 0 ? 0 : missingCells / (double) cells, duplicates,
                table.rowCount() == 0 ? 0 : duplicates / (double) table.rowCount(), memory(table, profiles),
                bySeverity, types);
    }

    /** Estimated bytes: primitive storage per row, plus dictionary codes and distinct strings for text. */
    static long memory(Table table, List<ColumnProfile> profiles) {
        long bytes = 0;
        for (int i = 0; i < table.columnCount(); i++) {
            Column<?> c = table.column(i);
            if (c instanceof StringColumn) {
                long unique = profiles.get(i).unique();
                int code = unique < 127 ? 1 : unique < 32_767 ? 2 : 4;
                double meanLength = profiles.get(i).text() == null ? 8 : profiles.get(i).text().meanLength();
                bytes += (long) c.size() * code + (long) (unique * (56 + 2 * meanLength));
            } else {
                bytes += (long) c.size() * c.type().byteSize();
            }
        }
        return bytes;
    }
}
