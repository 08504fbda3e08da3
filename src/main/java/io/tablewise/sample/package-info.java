/**
 * Seeded generators of realistic tables: the sample projects' data (so a fresh clone is self-contained) and the
 * benchmark workloads described in {@code bench/README.md}.
 */
package io.tablewise.sample;
