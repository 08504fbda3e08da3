package io.tablewise.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32C;

/**
 * A fast fingerprint of a file's content (CRC-32C, hardware accelerated, plus the length), remembered per
 * (path, size, modification time) so that an unchanged data file is not read again on every run.
 */
public final class ContentHash {
    private record Stamp(long size, long modified) {
    }

    private record Entry(Stamp stamp, String hash) {
    }

    private static final Map<Path, Entry> CACHE = new ConcurrentHashMap<>();

    private ContentHash() {
    }

    /** The content fingerprint of a file, e.g. {@code "crc32c:1a2b3c4d:1048576"}. */
    public static String of(Path file) throws IOException {
        Path key = file.toAbsolutePath().normalize();
        BasicFileAttributes attrs = Files.readAttributes(key, BasicFileAttributes.class);
        Stamp stamp = new Stamp(attrs.size(), attrs.lastModifiedTime().toMillis());
        Entry cached = CACHE.get(key);
        if (cached != null && cached.stamp().equals(stamp)) {
            return cached.hash();
        }
        CRC32C crc = new CRC32C();
        byte[] buffer = new byte[1 << 16];
        long length = 0;
        try (InputStream in = Files.newInputStream(key)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                crc.update(buffer, 0, n);
                length += n;
            }
        }
        String hash = String.format("crc32c:%08x:%d", crc.getValue(), length);
        CACHE.put(key, new Entry(stamp, hash));
        return hash;
    }

    /**
     * The SHA-256 of a folder's files (their relative paths and bytes, in path order), in hex: the registry's
     * artifact name and the endpoint's version of a model served from a folder.
     */
    public static String ofFolder(Path dir) throws IOException {
        java.security.MessageDigest sha;
        try {
            sha = java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
        java.util.List<Path> files;
        try (java.util.stream.Stream<Path> s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile).sorted(java.util.Comparator.comparing(p -> relative(dir, p)))
                    .toList();
        }
        byte[] buffer = new byte[1 << 16];
        for (Path f : files) {
            sha.update(relative(dir, f).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            sha.update((byte) 0);
            try (InputStream in = Files.newInputStream(f)) {
                for (int n; (n = in.read(buffer)) > 0;) {
                    sha.update(buffer, 0, n);
                }
            }
            sha.update((byte) 0);
        }
        return java.util.HexFormat.of().formatHex(sha.digest());
    }

    private static String relative(Path dir, Path p) {
        return dir.relativize(p).toString().replace('\\', '/');
    }
}
