/**
 * The capture file format: what the scoring endpoint saw and answered, and the outcomes sent to it later, as JSON
 * Lines files by hour. Written by the endpoint, read by the A/B report and the drift monitor; it depends on nothing
 * of Tablewise but {@code io}.
 */
package io.tablewise.capture;
