package io.tablewise.engine;

import static io.tablewise.engine.Flows.flow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tech.tablesaw.api.Table;

import io.tablewise.flow.Flow;
import io.tablewise.flow.NodeInstance;

class FlowExecutorTest {
    @TempDir
    Path dir;
    private FlowExecutor executor;

    @BeforeEach
    void setUp() {
        TestNodes.EXECUTIONS.clear();
        executor = new FlowExecutor(TestNodes.registry(), new ResultCache(32), 2);
    }

    @AfterEach
    void tearDown() {
        executor.close();
    }

    private RunResult run(Flow flow) throws Exception {
        return executor.run(RunRequest.all(flow, dir), ExecutionListener.NONE);
    }

    /** a -> b -> c, and a -> d: a chain and a side branch. */
    private static Flow chain(long addAtB) {
        return flow().node("a", "test.source", "rows", 5L).node("b", "test.pass", "add", addAtB)
                .node("c", "test.pass", "add", 1L).node("d", "test.pass").edge("a", "b").edge("b", "c")
                .edge("a", "d").build();
    }

    @Test
    void runsInTopologicalOrderAndPassesData() throws Exception {
        RunResult r = run(chain(10));
        assertEquals(RunResult.Status.OK, r.status());
        assertEquals(List.of("a", "b", "c", "d"), List.copyOf(r.nodes().keySet()));
        Table c = r.output("c", "table", Table.class);
        assertEquals(List.of(11, 12, 13, 14, 15), c.intColumn("n").asList());
    }

    @Test
    void rerunAfterOneChangeRecomputesOnlyWhatIsDownstream() throws Exception {
        run(chain(10));
        assertEquals(1, TestNodes.executions("a"));
        RunResult second = run(chain(20));
        assertEquals(1, TestNodes.executions("a"), "a is upstream of the change: cached");
        assertEquals(1, TestNodes.executions("d"), "d is on another branch: cached");
        assertEquals(2, TestNodes.executions("b"), "b changed");
        assertEquals(2, TestNodes.executions("c"), "c is downstream of b");
        assertTrue(second.node("a").orElseThrow().fromCache());
        assertEquals(List.of(21, 22, 23, 24, 25), second.output("c", "table", Table.class).intColumn("n").asList());
        run(chain(20));
        assertEquals(2, TestNodes.executions("c"), "nothing changed: everything cached");
    }

    @Test
    void overridingAFlowParameterReRunsTheNodesThatUseIt() throws Exception {
        Flow f = flow().param("rows", 3L).node("a", "test.source", "rows", "${rows}").node("b", "test.pass")
                .edge("a", "b").build();
        RunResult first = executor.run(new RunRequest(f, dir, dir, Map.of("rows", "4"), Set.of()),
                ExecutionListener.NONE);
        assertEquals(4, first.output("b", "table", Table.class).rowCount());
        executor.run(new RunRequest(f, dir, dir, Map.of("rows", "4"), Set.of()), ExecutionListener.NONE);
        assertEquals(1, TestNodes.executions("a"));
    }

    @Test
    void targetRunsOnlyTheTargetAndItsUpstream() throws Exception {
        RunResult r = executor.run(new RunRequest(chain(0), dir, dir, Map.of(), Set.of("b")), ExecutionListener.NONE);
        assertEquals(Set.of("a", "b"), r.nodes().keySet());
        assertEquals(0, TestNodes.executions("c"));
    }

    @Test
    void independentBranchesRunInParallel() throws Exception {
        TestNodes.barrier = new CyclicBarrier(2);
        Flow f = flow().node("a", "test.source").node("x", "test.barrier").node("y", "test.barrier")
                .edge("a", "x").edge("a", "y").build();
        RunResult r = run(f);
        assertEquals(RunResult.Status.OK, r.status(), () -> r.nodes().toString());
    }

    @Test
    void failureSkipsDownstreamButIndependentBranchesFinish() throws Exception {
        Flow f = flow().node("a", "test.source").node("bad", "test.fail").node("after", "test.pass")
                .node("ok", "test.pass").edge("a", "bad").edge("bad", "after").edge("a", "ok").build();
        RunResult r = run(f);
        assertEquals(RunResult.Status.FAILED, r.status());
        assertEquals(NodeState.FAILED, r.node("bad").orElseThrow().state());
        assertEquals("the test node failed on purpose", r.node("bad").orElseThrow().error());
        assertEquals(NodeState.SKIPPED, r.node("after").orElseThrow().state());
        assertEquals(NodeState.DONE, r.node("ok").orElseThrow().state());
    }

    @Test
    void invalidFlowRunsNothing() throws Exception {
        RunResult r = run(flow().node("a", "test.source", "rows", -1L).node("b", "test.pass").edge("a", "b").build());
        assertEquals(RunResult.Status.INVALID, r.status());
        assertEquals(0, TestNodes.executions("a"));
    }

    @Test
    void cancelStopsARunningNodeWithinASecond() throws Exception {
        Flow f = flow().node("s", "test.slow").node("after", "test.pass").edge("s", "after").build();
        RecordingListener listener = new RecordingListener();
        RunHandle handle = executor.start(RunRequest.all(f, dir), listener);
        assertTrue(listener.running.await(5, TimeUnit.SECONDS));
        long start = System.nanoTime();
        handle.cancel();
        RunResult r = handle.future().get(5, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(seconds < 1.0, "cancel took " + seconds + " s");
        assertEquals(RunResult.Status.CANCELLED, r.status());
        assertEquals(NodeState.CANCELLED, r.node("s").orElseThrow().state());
        assertEquals(NodeState.CANCELLED, r.node("after").orElseThrow().state());
    }

    @Test
    void listenerSeesEveryStateInOrder() throws Exception {
        RecordingListener listener = new RecordingListener();
        executor.run(RunRequest.all(flow().node("a", "test.source").build(), dir), listener);
        assertEquals(List.of("a:QUEUED", "a:RUNNING", "a:DONE"), listener.events);
    }

    @Test
    void sessionMarksEditedNodeAndItsDownstreamStale() throws Exception {
        FlowSession session = new FlowSession(executor, TestNodes.registry(), chain(0), dir);
        assertEquals(NodeState.IDLE, session.states().get("a"));
        session.run(Set.of(), ExecutionListener.NONE).await();
        assertEquals(Set.of(NodeState.DONE), Set.copyOf(session.states().values()));
        Flow edited = session.flow();
        NodeInstance b = edited.node("b").orElseThrow();
        session.setFlow(edited.withReplacedNode(b.withParam("add", 5L)));
        Map<String, NodeState> states = session.states();
        assertEquals(NodeState.DONE, states.get("a"));
        assertEquals(NodeState.STALE, states.get("b"));
        assertEquals(NodeState.STALE, states.get("c"));
        assertEquals(NodeState.DONE, states.get("d"));
        session.awaitStored(); // results are kept beside the flow in the background: done before the folder goes
    }

    /** Records state changes as "node:STATE". */
    static final class RecordingListener implements ExecutionListener {
        final List<String> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        final java.util.concurrent.CountDownLatch running = new java.util.concurrent.CountDownLatch(1);

        @Override
        public void nodeStateChanged(String nodeId, NodeState state, NodeResult result) {
            events.add(nodeId + ":" + state);
            if (state == NodeState.RUNNING) {
                running.countDown();
            }
        }
    }
}
