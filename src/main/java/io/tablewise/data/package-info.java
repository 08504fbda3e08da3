/**
 * Data import and export nodes: delimited text (a purpose-built parallel reader with encoding, dialect and
 * header detection and whole-column type inference), Excel {@code .xlsx} and JSON Lines; CSV and xlsx export.
 * Every importer reports recoverable problems (ragged rows, bad quotes, unparseable values) as warnings with
 * line numbers, under a policy: fail, skip the row, or set the value missing.
 */
package io.tablewise.data;
