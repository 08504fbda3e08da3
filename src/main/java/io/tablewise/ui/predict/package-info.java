/** The Predict view: a what-if form generated from a model's inputs, and batch prediction of a file. */
package io.tablewise.ui.predict;
