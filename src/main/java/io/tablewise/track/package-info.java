/**
 * Run tracking: every model build appends a run record (parameters, data fingerprint, metrics, durations,
 * artifacts) to the project's results folder, so runs can be listed, compared and swept.
 */
package io.tablewise.track;
