package io.tablewise.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class FlowGraphTest {
    private static NodeInstance n(String id) {
        return new NodeInstance(id, "t", 1, id, Map.of(), UiPosition.ORIGIN);
    }

    private static Flow diamond() {
        return new Flow("d", "", Map.of(), List.of(n("d"), n("b"), n("a"), n("c")),
                List.of(Edge.of("a", "o", "b", "i"), Edge.of("a", "o", "c", "i"), Edge.of("b", "o", "d", "i1"),
                        Edge.of("c", "o", "d", "i2")));
    }

    @Test
    void topologicalOrderRespectsEdgesAndOtherwiseFileOrder() {
        assertEquals(List.of("a", "b", "c", "d"), new FlowGraph(diamond()).topologicalOrder());
    }

    @Test
    void upstreamAndDownstreamClosures() {
        FlowGraph g = new FlowGraph(diamond());
        assertEquals(Set.of("b", "a"), g.withUpstream(List.of("b")));
        assertEquals(Set.of("c", "d"), g.withDownstream(List.of("c")));
    }

    @Test
    void cycleIsFoundAndBlocksOrdering() {
        Flow f = diamond().withEdge(Edge.of("d", "o", "a", "back"));
        FlowGraph g = new FlowGraph(f);
        List<String> cycle = g.findCycle().orElseThrow();
        assertEquals(cycle.get(0), cycle.get(cycle.size() - 1));
        assertTrue(cycle.containsAll(List.of("a", "d")));
        assertThrows(IllegalStateException.class, g::topologicalOrder);
    }

    @Test
    void removingANodeRemovesItsEdges() {
        Flow f = diamond().withoutNode("b");
        assertEquals(2, f.edges().size());
        assertTrue(f.edges().stream().noneMatch(e -> e.from().node().equals("b") || e.to().node().equals("b")));
    }

    @Test
    void connectingAnInputTwiceReplacesTheEdge() {
        Flow f = diamond().withEdge(Edge.of("c", "o", "b", "i"));
        assertEquals(List.of("c"), new FlowGraph(f).predecessors("b"));
    }

    @Test
    void parameterValuesAreNormalisedAndImmutable() {
        NodeInstance node = n("x").withParam("k", 3).withParam("d", 2.5f);
        assertEquals(3L, node.params().get("k"));
        assertEquals(2.5, node.params().get("d"));
        assertThrows(UnsupportedOperationException.class, () -> node.params().put("z", 1L));
    }
}
