/**
 * The command-line face ({@code tablewise run | validate | nodes | generate}), a thin layer over the engine
 * that never loads JavaFX. Exit codes: 0 ok, 1 a node failed or the run was cancelled, 2 invalid flow or arguments.
 */
package io.tablewise.cli;
