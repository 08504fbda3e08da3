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
}
