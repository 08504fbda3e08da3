package io.tablewise.ui.insights;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import io.tablewise.insights.ColumnProfile;
import io.tablewise.insights.Correlations;
import io.tablewise.insights.InsightsReport;
import io.tablewise.insights.QualityWarning;

/**
 * What the Insights view shows of a report: the column cards after the analyst's search and sort, the warnings of
 * each column, the column whose detail is open, and the part of the correlation matrix the heat map draws. Nothing
 * is measured here; every number is the engine's.
 */
public final class InsightsViewModel {
    /** Orders of the column cards. */
    public enum ColumnOrder { TABLE, NAME, MISSING, UNIQUE, WARNINGS }

    /** The heat map draws at most this many columns (the ones most associated with another column). */
    static final int HEATMAP_COLUMNS = 24;

    private final InsightsReport report;
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<ColumnOrder> order = new SimpleObjectProperty<>(ColumnOrder.TABLE);
    private final ObservableList<ColumnProfile> shownColumns = FXCollections.observableArrayList();
    private final ObjectProperty<ColumnProfile> detail = new SimpleObjectProperty<>();
    private final Map<String, List<QualityWarning>> warningsByColumn = new TreeMap<>();

    /** The view model of {@code report}. */
    public InsightsViewModel(InsightsReport report) {
        this.report = report;
        for (QualityWarning w : report.warnings()) {
            for (String c : w.columns()) {
                warningsByColumn.computeIfAbsent(c, k -> new ArrayList<>()).add(w);
            }
        }
        search.addListener((o, a, b) -> refresh());
        order.addListener((o, a, b) -> refresh());
        refresh();
    }

    /** The report. */
    public InsightsReport report() {
        return report;
    }

    /** Text the column cards are filtered by: part of the name, the storage type or the meaning. */
    public StringProperty searchProperty() {
        return search;
    }

    /** The order of the column cards. */
    public ObjectProperty<ColumnOrder> orderProperty() {
        return order;
    }

    /** The column cards to show, filtered and sorted. */
    public ObservableList<ColumnProfile> shownColumns() {
        return shownColumns;
    }

    /** The column whose detail (large histogram, top values, all statistics) is open, or null. */
    public ObjectProperty<ColumnProfile> detailProperty() {
        return detail;
    }

    /** The warnings that name {@code column}, most serious first. */
    public List<QualityWarning> warningsOf(String column) {
        return warningsByColumn.getOrDefault(column, List.of());
    }

    /** Warnings per severity, every severity present (zero when none). */
    public Map<QualityWarning.Severity, Long> severityCounts() {
        Map<QualityWarning.Severity, Long> counts = new java.util.EnumMap<>(QualityWarning.Severity.class);
        for (QualityWarning.Severity s : QualityWarning.Severity.values()) {
            counts.put(s, report.summary().warningsBySeverity().getOrDefault(s, 0L));
        }
        return counts;
    }

    /**
     * The columns of the heat map: all of them when few, else the {@value #HEATMAP_COLUMNS} whose strongest
     * association with another column is largest, in table order.
     */
    public List<String> heatmapColumns() {
        Correlations c = report.correlations();
        if (c == null) {
            return List.of();
        }
        if (c.columns().size() <= HEATMAP_COLUMNS) {
            return c.columns();
        }
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < c.columns().size(); i++) {
            idx.add(i);
        }
        idx.sort(Comparator.comparingDouble((Integer i) -> -strongest(c, i)).thenComparing(i -> i));
        List<Integer> keep = new ArrayList<>(idx.subList(0, HEATMAP_COLUMNS));
        keep.sort(null);
        return keep.stream().map(c.columns()::get).toList();
    }

    private static double strongest(Correlations c, int i) {
        double best = 0;
        for (int j = 0; j < c.columns().size(); j++) {
            double v = c.association()[i][j];
            if (j != i && !Double.isNaN(v)) {
                best = Math.max(best, v);
            }
        }
        return best;
    }

    private void refresh() {
        String q = search.get() == null ? "" : search.get().strip().toLowerCase(Locale.ROOT);
        List<ColumnProfile> list = new ArrayList<>();
        for (ColumnProfile p : report.columns()) {
            if (q.isEmpty() || p.name().toLowerCase(Locale.ROOT).contains(q)
                    || p.storageType().toLowerCase(Locale.ROOT).contains(q)
                    || p.semanticType().name().toLowerCase(Locale.ROOT).contains(q)) {
                list.add(p);
            }
        }
        Comparator<ColumnProfile> by = switch (order.get()) {
            case TABLE -> null;
            case NAME -> Comparator.comparing(p -> p.name().toLowerCase(Locale.ROOT));
            case MISSING -> Comparator.comparingDouble(p -> -p.missingShare());
            case UNIQUE -> Comparator.comparingLong(p -> -p.unique());
            case WARNINGS -> Comparator.comparingInt(p -> -warningsOf(p.name()).size());
        };
        if (by != null) {
            list.sort(by); // stable: ties keep table order
        }
        shownColumns.setAll(list);
    }
}
