/**
 * The scoring endpoint: its configuration, variants and routing, request parsing, scoring, data capture, metrics and
 * the OpenAPI description, over Jetty. A face over the model code and the registry, like the CLI and the studio.
 */
package io.tablewise.serve;
