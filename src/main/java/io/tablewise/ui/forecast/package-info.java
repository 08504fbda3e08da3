/** The studio's forecast view: a series' history and its forecast fan. */
package io.tablewise.ui.forecast;
