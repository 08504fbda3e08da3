/**
 * The engine: resolves flow parameters, validates a flow before anything runs, computes fingerprints, and
 * executes nodes in topological order on a bounded pool with a result cache, cancellation and per-node states
 * reported to an {@link io.tablewise.engine.ExecutionListener}. Every file a node reads or writes passes the
 * {@link io.tablewise.engine.PathPolicy}, the one place that decides what a (possibly shared) flow may touch.
 * Imports nothing from JavaFX: the studio and the CLI are both thin faces over it.
 */
package io.tablewise.engine;
