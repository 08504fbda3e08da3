package io.tablewise.serve;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The bearer token of an endpoint that listens beyond this machine: read from its file, or generated (256 random
 * bits) into a new file only its owner can read (mode 600 where the file system has modes), and shown once.
 *
 * @param value the token
 * @param file where it is kept
 * @param created true when it was generated now (the caller shows it once)
 */
public record EndpointToken(String value, Path file, boolean created) {
    /** The default token file, {@code ~/Tablewise/endpoint.token}. */
    public static Path defaultFile() {
        return Path.of(System.getProperty("user.home"), "Tablewise", "endpoint.token");
    }

    /** Reads the token file, or creates it with a new token. */
    public static EndpointToken obtain(Path file) throws EndpointException {
        Path f = file == null ? defaultFile() : file;
        try {
            if (Files.exists(f)) {
                String v = Files.readString(f, StandardCharsets.UTF_8).strip();
                if (v.length() < 16) {
                    throw new EndpointException(f + " holds no token (fewer than 16 characters); delete it and a new "
                            + "token is made on the next start");
                }
                return new EndpointToken(v, f, false);
            }
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            String v = HexFormat.of().formatHex(bytes);
            Files.createDirectories(f.toAbsolutePath().getParent());
            try {
                if (f.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                    Files.createFile(f, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(
                            "rw-------")));
                } else {
                    Files.createFile(f);
                }
            } catch (FileAlreadyExistsException e) {
                return obtain(f); // another endpoint made it at the same moment
            }
            Files.writeString(f, v + System.lineSeparator(), StandardCharsets.UTF_8);
            return new EndpointToken(v, f, true);
        } catch (IOException e) {
            throw new EndpointException("the token file " + f + " cannot be read or written (" + e.getMessage() + ")",
                    e);
        }
    }
}
