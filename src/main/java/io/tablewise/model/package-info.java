/**
 * Model building, files and prediction: training a model on a table with an honest held-out evaluation, saving it
 * as a folder with a readable manifest, and replaying it on raw new data.
 */
package io.tablewise.model;
