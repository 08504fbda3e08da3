/**
 * The data-insights report: exact per-column statistics, histograms, quality warnings, target analysis,
 * correlations, per-feature prediction power, duplicate and anomalous rows, as plain records (data, not
 * charts) that the CLI writes as JSON and HTML and the studio renders with its own charts.
 */
package io.tablewise.insights;
