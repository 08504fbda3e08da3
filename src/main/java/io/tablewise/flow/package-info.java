/**
 * The immutable flow model: a flow is a named graph of {@link io.tablewise.flow.NodeInstance}s joined by
 * {@link io.tablewise.flow.Edge}s, plus named {@code parameters} a run can override. This package depends on
 * nothing else in Tablewise so the file format, the engine and the studio can all share it.
 */
package io.tablewise.flow;
