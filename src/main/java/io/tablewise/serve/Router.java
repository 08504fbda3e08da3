package io.tablewise.serve;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Chooses the variant of a request. With a routing key the choice is weighted rendezvous hashing: each variant scores
 * {@code -ln(u) / weight} with {@code u} a hash of (variant, key) in (0, 1), and the lowest score wins. The same key
 * reaches the same variant as long as the weights stay the same, each variant gets its weight's share of the keys,
 * and a weight change moves only the keys it must (those whose winner changed rank), not a reshuffle of all. Without
 * a key the choice is random by weight.
 */
final class Router {
    private Router() {
    }

    /** The index of the chosen variant; weights must add up to more than 0. */
    static int choose(List<Variant> variants, String key) {
        if (variants.size() == 1) {
            return 0;
        }
        if (key == null || key.isEmpty()) {
            double total = 0;
            for (Variant v : variants) {
                total += v.weight();
            }
            double x = ThreadLocalRandom.current().nextDouble() * total;
            for (int i = 0; i < variants.size(); i++) {
                x -= variants.get(i).weight();
                if (x < 0 && variants.get(i).weight() > 0) {
                    return i;
                }
            }
            for (int i = variants.size() - 1; i >= 0; i--) {
                if (variants.get(i).weight() > 0) {
                    return i;
                }
            }
            return 0;
        }
        long keyHash = hash(key.getBytes(StandardCharsets.UTF_8), 0x9E3779B97F4A7C15L);
        int best = -1;
        double bestScore = Double.POSITIVE_INFINITY;
        for (int i = 0; i < variants.size(); i++) {
            Variant v = variants.get(i);
            if (v.weight() <= 0) {
                continue;
            }
            long h = mix(keyHash ^ v.nameHash());
            double u = ((h >>> 11) + 0.5) / (1L << 53); // in (0, 1), never 0
            double score = -Math.log(u) / v.weight();
            if (score < bestScore) {
                bestScore = score;
                best = i;
            }
        }
        return Math.max(best, 0);
    }

    /** FNV-1a over the bytes, then a finaliser: stable across runs and machines (unlike String.hashCode's uses). */
    static long hash(byte[] bytes, long seed) {
        long h = 0xcbf29ce484222325L ^ seed;
        for (byte b : bytes) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return mix(h);
    }

    /** The SplitMix64 finaliser. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
