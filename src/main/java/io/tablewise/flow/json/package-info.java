/**
 * The flow file format: JSON reading (with migrations keyed on {@code formatVersion}) and canonical writing
 * (pretty-printed, stable key order, byte-identical on a load/save round trip). The JSON Schema of the current
 * version is the resource {@code /io/tablewise/flow/json/flow-v1.schema.json}.
 */
package io.tablewise.flow.json;
