/**
 * The model registry: model groups with numbered, immutable versions, approval history, aliases and lineage, kept in
 * a SQLite file or a PostgreSQL database beside a content-addressed artifact folder. The source of truth for every
 * face that takes a model reference ({@code churn@champion}, {@code churn:3}).
 */
package io.tablewise.registry;
