/**
 * Drift and data-quality monitoring: a model's baseline of its training rows (per column: completeness, quantiles,
 * bins, category shares; and its predictions), suggested constraints, and the checks of a new batch against them
 * (data quality, drift per column, prediction drift), as plain records. The model package composes it (a model keeps
 * its baseline); the faces show it.
 */
package io.tablewise.monitor;
