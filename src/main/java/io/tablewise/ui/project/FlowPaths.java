package io.tablewise.ui.project;

import java.nio.file.Path;

import io.tablewise.flow.Flow;
import io.tablewise.flow.NodeInstance;
import io.tablewise.node.NodeDescriptor;
import io.tablewise.node.ParamSpec;
import io.tablewise.node.ParamType;
import io.tablewise.node.registry.NodeRegistry;

/**
 * Data paths in a flow are relative to the flow file. When a flow is saved into another folder (Save As, or the
 * first save of a new flow) the paths of files it reads are rewritten so they still point at the same files.
 */
public final class FlowPaths {
    private FlowPaths() {
    }

    /** {@code file} as the flow in {@code flowDir} writes it: relative when it can be, with forward slashes. */
    public static String relative(Path flowDir, Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path dir = flowDir.toAbsolutePath().normalize();
        if (abs.getRoot() != null && abs.getRoot().equals(dir.getRoot())) {
            return dir.relativize(abs).toString().replace('\\', '/');
        }
        return abs.toString();
    }

    /** The flow with the input-file paths made relative to {@code toDir} instead of {@code fromDir}. */
    public static Flow rebase(Flow flow, NodeRegistry registry, Path fromDir, Path toDir) {
        if (fromDir.toAbsolutePath().normalize().equals(toDir.toAbsolutePath().normalize())) {
            return flow;
        }
        Flow result = flow;
        for (NodeInstance n : flow.nodes()) {
            NodeDescriptor d = registry.find(n.type()).map(t -> t.descriptor()).orElse(null);
            if (d == null) {
                continue;
            }
            NodeInstance changed = n;
            for (ParamSpec spec : d.params()) {
                Object value = n.params().get(spec.name());
                if (spec.type() == ParamType.INPUT_FILE && value instanceof String s && !s.isBlank()
                        && !s.contains("${")) {
                    changed = changed.withParam(spec.name(), relative(toDir, fromDir.resolve(s)));
                }
            }
            if (changed != n) {
                result = result.withReplacedNode(changed);
            }
        }
        return result;
    }
}
