/** The studio's Monitor view: batches checked against a model's training baseline, findings, drift heat map. */
package io.tablewise.ui.monitor;
