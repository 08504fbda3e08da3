/**
 * The node SPI: a {@link io.tablewise.node.NodeType} is a {@link io.tablewise.node.NodeDescriptor} (pure data:
 * id, version, name, category, help, typed ports, parameter specs), a {@code configure} step on schemas (instant,
 * no data; feeds validation and the studio's column pickers) and an {@code execute} step on data, with a
 * {@link io.tablewise.node.NodeContext} for progress, cancellation and warnings.
 */
package io.tablewise.node;
