package io.tablewise.ml;

import java.util.ArrayList;
import java.util.Arrays;
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
        Map<String, List<Integer>> byLabel = new LinkedHashMap<>();
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] != null) {
                byLabel.computeIfAbsent(labels[i], k -> new ArrayList<>()).add(i);
            }
        }
        int total = byLabel.values().stream().mapToInt(List::size).sum();
        double fraction = Math.min(1.0, max / (double) Math.max(1, total));
        List<Integer> chosen = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(seed);
        for (List<Integer> rows : byLabel.values()) {
            int keep = (int) Math.max(1, Math.round(rows.size() * fraction));
            int[] perm = permutation(rows.size(), random.nextLong());
            for (int k = 0; k < Math.min(keep, rows.size()); k++) {
                chosen.add(rows.get(perm[k]));
            }
        }
        return chosen.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    /** Splits rows into train and test (test share {@code testShare}), stratified when labels are given. */
    public static int[][] split(int[] rows, String[] labels, double testShare, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int r : rows) {
            groups.computeIfAbsent(labels == null ? "" : labels[r], k -> new ArrayList<>()).add(r);
        }
        List<Integer> train = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (List<Integer> g : groups.values()) {
            int[] perm = permutation(g.size(), random.nextLong());
            int testCount = (int) Math.round(g.size() * testShare);
            for (int k = 0; k < g.size(); k++) {
                (k < testCount ? test : train).add(g.get(perm[k]));
            }
        }
        return new int[][] {train.stream().mapToInt(Integer::intValue).sorted().toArray(),
            test.stream().mapToInt(Integer::intValue).sorted().toArray()};
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
