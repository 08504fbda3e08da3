package io.tablewise.registry;

/**
 * How a version was made: the run record that built it and the flow file that built it (its JSON text), each null
 * when the registration had none (a model folder registered without its run record).
 *
 * @param version the version
 * @param runRecord the run record's JSON
 * @param flow the flow's JSON
 */
public record VersionLineage(ModelVersion version, String runRecord, String flow) {
}
