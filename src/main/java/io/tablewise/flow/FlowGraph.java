package io.tablewise.flow;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Graph questions about a flow: topological order, cycles, upstream and downstream sets. Edges whose ends name
 * unknown nodes are ignored here (the validator reports them).
 */
public final class FlowGraph {
    private final Flow flow;
    private final Map<String, List<String>> successors = new LinkedHashMap<>();
    private final Map<String, List<String>> predecessors = new LinkedHashMap<>();

    /** Builds the adjacency of a flow. */
    public FlowGraph(Flow flow) {
        this.flow = flow;
        for (NodeInstance n : flow.nodes()) {
            successors.put(n.id(), new ArrayList<>());
            predecessors.put(n.id(), new ArrayList<>());
        }
        for (Edge e : flow.edges()) {
            String from = e.from().node();
            String to = e.to().node();
            if (successors.containsKey(from) && successors.containsKey(to)) {
                successors.get(from).add(to);
                predecessors.get(to).add(from);
            }
        }
    }

    /** Direct predecessors of a node, in edge order, without duplicates. */
    public List<String> predecessors(String nodeId) {
        return List.copyOf(new LinkedHashSet<>(predecessors.getOrDefault(nodeId, List.of())));
    }

    /** Direct successors of a node, in edge order, without duplicates. */
    public List<String> successors(String nodeId) {
        return List.copyOf(new LinkedHashSet<>(successors.getOrDefault(nodeId, List.of())));
    }

    /**
     * Node ids in an order where every node comes after all its predecessors; ties keep file order so the
     * order is stable. Throws if the graph has a cycle.
     */
    public List<String> topologicalOrder() {
        Map<String, Integer> indegree = new LinkedHashMap<>();
        predecessors.forEach((id, preds) -> indegree.put(id, preds.size()));
        Map<String, Integer> fileIndex = new HashMap<>();
        for (NodeInstance n : flow.nodes()) {
            fileIndex.put(n.id(), fileIndex.size());
        }
        List<String> order = new ArrayList<>();
        // Among ready nodes the one earliest in the file goes first, so the order is stable and unsurprising.
        PriorityQueue<String> ready = new PriorityQueue<>(Comparator.comparing(fileIndex::get));
        indegree.forEach((id, d) -> {
            if (d == 0) {
                ready.add(id);
            }
        });
        while (!ready.isEmpty()) {
            String id = ready.poll();
            order.add(id);
            for (String next : successors.get(id)) {
                if (indegree.merge(next, -1, Integer::sum) == 0) {
                    ready.add(next);
                }
            }
        }
        if (order.size() != indegree.size()) {
            throw new IllegalStateException("the flow has a cycle: " + findCycle().orElse(List.of()));
        }
        return order;
    }

    /**
     * A cycle as a list of node ids (first repeated at the end), if the flow has one. The depth-first search keeps
     * its own stack, so a chain of any length (a flow file may hold tens of thousands of nodes) cannot exhaust the
     * thread's stack.
     */
    public Optional<List<String>> findCycle() {
        Map<String, Integer> color = new LinkedHashMap<>();
        for (String start : successors.keySet()) {
            if (color.getOrDefault(start, 0) == 0) {
                Optional<List<String>> cycle = visit(start, color);
                if (cycle.isPresent()) {
                    return cycle;
                }
            }
        }
        return Optional.empty();
    }

    private Optional<List<String>> visit(String start, Map<String, Integer> color) {
        List<String> path = new ArrayList<>();
        List<java.util.Iterator<String>> pending = new ArrayList<>();
        color.put(start, 1);
        path.add(start);
        pending.add(successors.get(start).iterator());
        while (!pending.isEmpty()) {
            java.util.Iterator<String> next = pending.get(pending.size() - 1);
            if (!next.hasNext()) {
                color.put(path.remove(path.size() - 1), 2);
                pending.remove(pending.size() - 1);
                continue;
            }
            String n = next.next();
            int c = color.getOrDefault(n, 0);
            if (c == 1) {
                List<String> cycle = new ArrayList<>(path.subList(path.indexOf(n), path.size()));
                cycle.add(n);
                return Optional.of(cycle);
            }
            if (c == 0) {
                color.put(n, 1);
                path.add(n);
                pending.add(successors.getOrDefault(n, List.of()).iterator());
            }
        }
        return Optional.empty();
    }

    /** The given nodes and everything upstream of them. */
    public Set<String> withUpstream(Collection<String> nodeIds) {
        return closure(nodeIds, predecessors);
    }

    /** The given nodes and everything downstream of them. */
    public Set<String> withDownstream(Collection<String> nodeIds) {
        return closure(nodeIds, successors);
    }

    private static Set<String> closure(Collection<String> start, Map<String, List<String>> next) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(start);
        while (!todo.isEmpty()) {
            String id = todo.poll();
            if (seen.add(id)) {
                todo.addAll(next.getOrDefault(id, List.of()));
            }
        }
        return seen;
    }

    /** The flow this graph describes. */
    public Flow flow() {
        return flow;
    }
}
