/** The Runs view: the flow's recorded model runs as a table, compared two at a time, plotted, and swept. */
package io.tablewise.ui.runs;
