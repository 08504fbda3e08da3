/** The Insights view: the engine's data-insights report rendered as cards, charts and tables. */
package io.tablewise.ui.insights;
