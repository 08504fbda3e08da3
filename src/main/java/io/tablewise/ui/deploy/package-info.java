/**
 * The Deploy tab: variants and weights, the local endpoint started and stopped, live traffic, a test request, the A/B
 * report.
 */
package io.tablewise.ui.deploy;
