/**
 * The node registry and the one explicit list of built-in node types
 * ({@link io.tablewise.node.registry.BuiltInNodes}).
 */
package io.tablewise.node.registry;
