package io.tablewise.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** Seeded folds: disjoint, covering, balanced in size and in classes. */
class RowSamplerTest {
    @Test
    void foldsCoverEveryRowOnceAndKeepTheClassShares() {
        // 1,003 rows, 10% of them "yes", every third row left out of the sample to fold
        String[] labels = new String[1003];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % 10 == 0 ? "yes" : "no";
        }
        int[] rows = java.util.stream.IntStream.range(0, labels.length).filter(i -> i % 3 != 0).toArray();
        int[][] folds = RowSampler.folds(rows, labels, 5, 7);
        assertEquals(5, folds.length);
        int[] all = Arrays.stream(folds).flatMapToInt(Arrays::stream).sorted().toArray();
        assertArrayEquals(rows, all, "every row in exactly one fold");
        long yes = Arrays.stream(rows).filter(r -> labels[r].equals("yes")).count();
        for (int[] f : folds) {
            assertTrue(Math.abs(f.length - rows.length / 5.0) <= 1, "sizes " + f.length);
            long foldYes = Arrays.stream(f).filter(r -> labels[r].equals("yes")).count();
            assertTrue(Math.abs(foldYes - yes / 5.0) <= 1, "positives per fold " + foldYes + " of " + yes);
            assertTrue(Arrays.equals(f, Arrays.stream(f).sorted().toArray()), "row order");
        }
        assertArrayEquals(folds[2], RowSampler.folds(rows, labels, 5, 7)[2], "same seed, same folds");
        assertTrue(!Arrays.equals(folds[2], RowSampler.folds(rows, labels, 5, 8)[2]), "another seed, other folds");
    }
}
