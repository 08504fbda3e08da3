/**
 * The delimited-text reader: encoding detection, dialect sniffing, a byte-level record scanner, and a
 * two-pass parallel reader (pass 1 infers each column's type over every value; pass 2 fills primitive arrays
 * that become Tablesaw columns).
 */
package io.tablewise.data.csv;
