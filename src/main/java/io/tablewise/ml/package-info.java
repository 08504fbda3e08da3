/**
 * Machine learning shared by the engine: problem types, seeded (stratified) samples and splits, encoding a table
 * into model features fitted on training rows only, gradient-boosted models and their evaluation metrics.
 */
package io.tablewise.ml;
