package io.tablewise.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The condition language on known values: precedence, comparisons, and the champion not there yet. */
class ConditionTest {
    private static final Map<String, Double> VALUES = new HashMap<>(Map.of("build.test.auc", 0.84,
            "build.test.recall", 0.55, "champion.test.auc", 0.82));

    private static boolean holds(String text) {
        return Condition.evaluate(text, VALUES::get, n -> n.startsWith("champion.")).value();
    }

    @Test
    void comparisonsAndLogicReadAsWritten() {
        assertTrue(holds("build.test.auc >= 0.80"));
        assertFalse(holds("build.test.auc >= 0.80 and build.test.recall >= 0.6"));
        assertTrue(holds("build.test.auc >= 0.80 and build.test.recall >= 0.6 or build.test.auc > 0.83"));
        assertFalse(holds("build.test.auc >= 0.80 and (build.test.recall >= 0.6 or build.test.auc > 0.85)"));
        assertTrue(holds("not build.test.recall > 0.6"));
        assertTrue(holds("build.test.auc > champion.test.auc + 0.01"));
        assertFalse(holds("build.test.auc - champion.test.auc > 0.05"));
        assertTrue(holds("build.test.auc*100 > 83.9 and build.test.auc / 2 < 0.43"));
        assertTrue(holds("1e-3 < 0.01 && !(2 <> 2)"));
        Condition.Outcome o = Condition.evaluate("build.test.auc > champion.test.auc", VALUES::get,
                n -> n.startsWith("champion."));
        assertEquals(Map.of("build.test.auc", 0.84, "champion.test.auc", 0.82), o.values());
        assertEquals("build.test.auc = 0.8400, champion.test.auc = 0.8200", o.describe());
    }

    @Test
    void withoutAChampionEveryComparisonWithItHolds() {
        Map<String, Double> none = Map.of("build.test.auc", 0.61);
        Condition.Outcome o = Condition.evaluate("build.test.auc > champion.test.auc and build.test.auc >= 0.6",
                none::get, n -> n.startsWith("champion."));
        assertTrue(o.value());
        assertTrue(o.describe().contains("champion.test.auc = (no champion yet)"), o.describe());
        assertFalse(Condition.evaluate("build.test.auc > champion.test.auc and build.test.auc >= 0.7", none::get,
                n -> n.startsWith("champion.")).value(), "the other comparisons still count");
    }

    @Test
    void wrongConditionsSayWhereTheyDoNotRead() {
        for (String bad : List.of("", "build.test.auc >=", "build.test.auc >= 0.8 and", "(build.test.auc > 1",
                "build.test.auc # 2", "build.test.auc")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Condition.evaluate(bad,
                    VALUES::get, n -> false), bad);
            assertTrue(e.getMessage().contains("condition"), e.getMessage());
        }
        assertTrue(assertThrows(Condition.UnknownName.class, () -> holds("bulid.test.auc > 0.5")).getMessage()
                .contains("'bulid.test.auc' has no value"));
        assertEquals(List.of("build.test.auc", "champion.test.auc"), Condition.names(
                "build.test.auc > champion.test.auc"));
    }
}
