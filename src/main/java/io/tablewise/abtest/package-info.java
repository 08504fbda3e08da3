/**
 * The A/B report: captured answers joined with their outcomes, each variant's traffic, latency and model metrics
 * with confidence intervals, and whether the variants differ significantly, said in a plain sentence. Plain records,
 * read by the CLI and the studio.
 */
package io.tablewise.abtest;
