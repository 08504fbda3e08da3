/** Copying and exporting what the studio shows: every chart as PNG or SVG, every table as CSV. */
package io.tablewise.ui.export;
