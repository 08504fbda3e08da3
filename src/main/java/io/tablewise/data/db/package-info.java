/**
 * Databases as data sources and targets: named connections (the user's store, passwords never in flows), reading a
 * table or a read-only query into a table with typed columns, and writing a table in one transaction.
 */
package io.tablewise.data.db;
