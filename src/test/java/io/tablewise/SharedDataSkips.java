package io.tablewise;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Says once, at the end of a test run, how many tests were skipped because {@code ../shared/data} is absent (each
 * such test says so in its own skip reason, which a console summary does not show).
 */
public final class SharedDataSkips implements TestExecutionListener {
    private final AtomicInteger skipped = new AtomicInteger();

    @Override
    public void executionFinished(TestIdentifier test, org.junit.platform.engine.TestExecutionResult result) {
        if (result.getStatus() == org.junit.platform.engine.TestExecutionResult.Status.ABORTED
                && result.getThrowable().map(Throwable::getMessage).filter(m -> m != null
                && m.contains(SharedData.ABSENT)).isPresent()) {
            skipped.incrementAndGet();
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        if (skipped.get() > 0) {
            System.out.println("NOTE: " + skipped.get() + (skipped.get() == 1 ? " test was" : " tests were")
                    + " skipped because ../shared/data is absent; clone the project beside ../shared to run them.");
        }
    }
}
