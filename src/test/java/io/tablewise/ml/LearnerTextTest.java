package io.tablewise.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Pinned settings as text: every family round-trips exactly, and a wrong text says what is wrong. */
class LearnerTextTest {
    @Test
    void everyFamilyRoundTripsThroughItsText() {
        List<Learner> learners = List.of(new Learner.Boosted(137, 5, 0.0731, 0.83, 0.61, 3, 1.7),
                new Learner.Forest(200, 12, 0.7, 0.45), new Learner.LibLinear(0.0123), new Learner.LinearSgd(0.05, 20),
                new Learner.Tree(8, 20), new Learner.Neighbours(25));
        assertEquals(Learner.IDS.size(), learners.size());
        for (Learner l : learners) {
            assertEquals(l, Learner.parse(l.text()), l.text());
            assertEquals(l, Learner.parse("{" + l.asMap().toString().replaceAll("^\\{|\\}$", "") + "}"),
                    "a printed map is read too");
        }
        assertEquals("algorithm=cart, depth=8, minLeafWeight=20.0", new Learner.Tree(8, 20).text());
    }

    @Test
    void aWrongTextNamesWhatIsWrong() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Learner.parse("trees=100"))
                .getMessage().contains("no algorithm"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Learner.parse("algorithm=xgboost, trees=many"))
                .getMessage().contains("'trees' is not a number"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Learner.parse("algorithm=xgboost, depth"))
                .getMessage().contains("is not NAME=VALUE"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Learner.parse("algorithm=xgboost, trees=100"))
                .getMessage().contains("missing or not a number"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Learner.parse("algorithm=gbm"))
                .getMessage().contains("unknown algorithm 'gbm'"));
    }
}
