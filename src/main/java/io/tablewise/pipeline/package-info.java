/**
 * Pipeline steps: a condition over the metrics of the models built upstream and of the group's champion, which
 * chooses a branch, and a step that fails the run on purpose.
 */
package io.tablewise.pipeline;
