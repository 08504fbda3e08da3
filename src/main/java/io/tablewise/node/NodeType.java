package io.tablewise.node;

import java.util.List;
import java.util.Map;

/**
 * A kind of node. Implementations are stateless and thread-safe: one instance serves every node of its type in
 * every flow. Adding a node type is one class plus one line in {@code BuiltInNodes}.
 */
public interface NodeType {
    /** The descriptor (pure data). */
    NodeDescriptor descriptor();

    /**
     * Computes output schemas from input schemas and parameters, without data.
     *
     * @return the schema of each table output by port name ({@code null} or absent when unknown)
     * @throws NodeException when the parameters cannot work with these inputs (the message says why)
     */
    Map<String, TableSchema> configure(ConfigureContext context) throws NodeException;

    /**
     * Does the work.
     *
     * @return the data of each output port by port name
     * @throws NodeException for failures the user can fix
     */
    Map<String, Object> execute(NodeContext context) throws NodeException;

    /**
     * Parameter names whose values name data files read by the node, so the engine can fingerprint the
     * files' content. By default, every {@link ParamType#INPUT_FILE} parameter.
     */
    default List<String> inputFileParams() {
        return descriptor().params().stream().filter(p -> p.type() == ParamType.INPUT_FILE)
                .map(ParamSpec::name).toList();
    }

    /** True for importers whose input path may name a folder of files (Parquet partitions), not only a file. */
    default boolean readsFolders() {
        return false;
    }

    /**
     * True for nodes that choose a branch (a pipeline condition): their result holds only the outputs of the branch
     * taken, and the nodes fed by the other outputs end as not taken, as do the nodes after them.
     */
    default boolean branches() {
        return false;
    }

    /**
     * True for nodes whose work is a side effect (writing a file): they run every time they are planned
     * instead of being served from the result cache.
     */
    default boolean hasSideEffects() {
        return false;
    }

    /**
     * Rewrites parameters saved for an older type version into the current one. The default keeps them as
     * they are (appropriate while a version only added parameters with defaults).
     */
    default Map<String, Object> migrateParams(int fromVersion, Map<String, Object> params) {
        return params;
    }
}
