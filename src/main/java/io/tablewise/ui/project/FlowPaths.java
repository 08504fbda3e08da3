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
        return mapInputs(flow, registry, s -> relative(toDir, fromDir.resolve(s)));
    }

    /**
     * The data files the flow in {@code flowDir} reads that lie outside that folder (literal paths, not flow
     * parameters): a flow moved or shared without them cannot run elsewhere.
     */
    public static java.util.Set<Path> outsideInputs(Flow flow, NodeRegistry registry, Path flowDir) {
        Path dir = flowDir.toAbsolutePath().normalize();
        java.util.Set<Path> outside = new java.util.LinkedHashSet<>();
        mapInputs(flow, registry, value -> {
            Path file = dir.resolve(value).toAbsolutePath().normalize();
            if (!file.startsWith(dir) && java.nio.file.Files.isRegularFile(file)) {
                outside.add(file);
            }
            return value;
        });
        return outside;
    }

    /**
     * Copies the given data files into {@code flowDir/data/} (a number is added to a name already taken; nothing is
     * overwritten) and returns the flow reading the copies.
     */
    public static Flow copyInto(Flow flow, NodeRegistry registry, Path flowDir, java.util.Set<Path> files)
            throws java.io.IOException {
        Path dir = flowDir.toAbsolutePath().normalize();
        Path data = java.nio.file.Files.createDirectories(dir.resolve("data"));
        java.util.Map<Path, String> copies = new java.util.HashMap<>();
        for (Path f : files) {
            Path target = freeName(data, f.getFileName().toString());
            java.nio.file.Files.copy(f, target);
            copies.put(f, relative(dir, target));
        }
        return mapInputs(flow, registry, s -> copies.getOrDefault(dir.resolve(s).toAbsolutePath().normalize(), s));
    }

    private static Path freeName(Path dir, String name) {
        Path p = dir.resolve(name);
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        for (int k = 2; java.nio.file.Files.exists(p); k++) {
            p = dir.resolve(stem + "-" + k + ext);
        }
        return p;
    }

    /**
     * The flow with every literal input-file path (not a flow parameter reference) passed through {@code change};
     * nodes whose paths do not change are kept as they are.
     */
    private static Flow mapInputs(Flow flow, NodeRegistry registry, java.util.function.UnaryOperator<String> change) {
        Flow result = flow;
        for (NodeInstance n : flow.nodes()) {
            NodeDescriptor d = registry.find(n.type()).map(t -> t.descriptor()).orElse(null);
            if (d == null) {
                continue;
            }
            NodeInstance changed = n;
            for (ParamSpec spec : d.params()) {
                if (spec.type() == ParamType.INPUT_FILE && n.params().get(spec.name()) instanceof String s
                        && !s.isBlank() && !s.contains("${")) {
                    String mapped = change.apply(s);
                    if (!mapped.equals(s)) {
                        changed = changed.withParam(spec.name(), mapped);
                    }
                }
            }
            if (changed != n) {
                result = result.withReplacedNode(changed);
            }
        }
        return result;
    }
}
