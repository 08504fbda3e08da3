package io.tablewise.ml;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Seeded row samples: uniform, or stratified by a class label (each class keeps its share). */
public final class RowSampler {
    private RowSampler() {
    }

    /** All rows when {@code rows <= max}, else a uniform sample of {@code max} rows, in row order. */
    public static int[] uniform(int rows, int max, long seed) {
        if (rows <= max) {
            int[] all = new int[rows];
            Arrays.setAll(all, i -> i);
            return all;
        }
        int[] perm = permutation(rows, seed);
        int[] sample = Arrays.copyOf(perm, max);
        Arrays.sort(sample);
        return sample;
    }

    /** A sample of at most {@code max} rows keeping each label's share (rows with a null label are left out). */
    public static int[] stratified(String[] labels, int max, long seed) {
        Map<String, List<Integer>> byLabel = byLabel(null, labels);
        byLabel.remove(null);
        Map<String, int[]> ranks = stratifiedRanks(sizes(byLabel), max, seed);
        List<Integer> chosen = new ArrayList<>();
        ranks.forEach((label, r) -> Arrays.stream(r).forEach(k -> chosen.add(byLabel.get(label).get(k))));
        return chosen.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    /**
     * The stratified sample from the labels' counts alone: for each label (in the counts' order, the order in which
     * labels first appear), the ranks of its chosen rows among its rows in row order. An engine that cannot hold the
     * labels of all rows (Spark) counts them, asks this, and picks the rows by their rank within their label.
     */
    public static Map<String, int[]> stratifiedRanks(Map<String, Integer> counts, int max, long seed) {
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        double fraction = Math.min(1.0, max / (double) Math.max(1, total));
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, int[]> out = new LinkedHashMap<>();
        counts.forEach((label, size) -> {
            int keep = (int) Math.max(1, Math.round(size * fraction));
            int[] perm = permutation(size, random.nextLong());
            out.put(label, Arrays.copyOf(perm, Math.min(keep, size)));
        });
        return out;
    }

    /** Splits rows into train and test (test share {@code testShare}), stratified when labels are given. */
    public static int[][] split(int[] rows, String[] labels, double testShare, long seed) {
        Map<String, List<Integer>> groups = byLabel(rows, labels);
        Map<String, BitSet> test = splitRanks(sizes(groups), testShare, seed);
        List<Integer> train = new ArrayList<>();
        List<Integer> held = new ArrayList<>();
        groups.forEach((label, g) -> {
            for (int k = 0; k < g.size(); k++) {
                (test.get(label).get(k) ? held : train).add(g.get(k));
            }
        });
        return new int[][] {train.stream().mapToInt(Integer::intValue).sorted().toArray(),
            held.stream().mapToInt(Integer::intValue).sorted().toArray()};
    }

    /**
     * The split from the labels' counts alone (one label, "", when not stratified): for each label in the order it
     * first appears, the ranks (among its rows in row order) of its test rows.
     */
    public static Map<String, BitSet> splitRanks(Map<String, Integer> counts, double testShare, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, BitSet> out = new LinkedHashMap<>();
        counts.forEach((label, size) -> {
            int[] perm = permutation(size, random.nextLong());
            int testCount = (int) Math.round(size * testShare);
            BitSet test = new BitSet(size);
            for (int k = 0; k < testCount; k++) {
                test.set(perm[k]);
            }
            out.put(label, test);
        });
        return out;
    }

    /** The rows ({@code null}: all) by label ("" when there are no labels), labels in first-appearance order. */
    private static Map<String, List<Integer>> byLabel(int[] rows, String[] labels) {
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        int n = rows == null ? labels.length : rows.length;
        for (int i = 0; i < n; i++) {
            int r = rows == null ? i : rows[i];
            groups.computeIfAbsent(labels == null ? "" : labels[r], k -> new ArrayList<>()).add(r);
        }
        return groups;
    }

    private static Map<String, Integer> sizes(Map<String, List<Integer>> groups) {
        Map<String, Integer> out = new LinkedHashMap<>();
        groups.forEach((k, v) -> out.put(k, v.size()));
        return out;
    }

    /**
     * Splits rows into {@code k} folds of (nearly) equal size, stratified when labels are given: each label's rows
     * are shuffled and dealt round-robin, continuing where the previous label stopped. Each fold is in row order.
     */
    public static int[][] folds(int[] rows, String[] labels, int k, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int r : rows) {
            groups.computeIfAbsent(labels == null ? "" : labels[r], x -> new ArrayList<>()).add(r);
        }
        List<List<Integer>> out = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            out.add(new ArrayList<>());
        }
        int next = 0;
        for (List<Integer> g : groups.values()) {
            int[] perm = permutation(g.size(), random.nextLong());
            for (int i : perm) {
                out.get(next).add(g.get(i));
                next = (next + 1) % k;
            }
        }
        return out.stream().map(f -> f.stream().mapToInt(Integer::intValue).sorted().toArray())
                .toArray(int[][]::new);
    }

    /** A seeded random permutation of 0..n-1 (Fisher-Yates). */
    public static int[] permutation(int n, long seed) {
        int[] perm = new int[n];
        Arrays.setAll(perm, i -> i);
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        return perm;
    }
}
