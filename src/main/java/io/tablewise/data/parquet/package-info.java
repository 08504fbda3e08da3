/**
 * Parquet files without Hadoop: a file, a glob or a folder of partitions read column by column in parallel into a
 * table (logical types mapped, nested columns refused by name), and a table written with dictionary encoding.
 */
package io.tablewise.data.parquet;
