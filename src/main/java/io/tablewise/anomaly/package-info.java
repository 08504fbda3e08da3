/**
 * Anomaly detection without a target: an isolation forest over the encoded columns scores every row, a share of
 * rows is flagged, and each flagged row gets the columns that made it unusual, in words.
 */
package io.tablewise.anomaly;
