package io.tablewise.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * An output on any file system Spark writes (a local folder, {@code hdfs:}, {@code s3a:} with the user's Spark
 * settings): Spark writes its parts in parallel into a temporary folder beside the target, and only when the job
 * succeeded are they put in place — concatenated in order into one file (a CSV: the engine writes one file), the one
 * part moved, or the folder moved. A failed job leaves the target as it was and no temporary folder. On a local disk
 * the last step is an atomic rename; on a remote store it is the store's rename.
 */
final class SparkOutput implements AutoCloseable {
    private final FileSystem fs;
    private final Path target;
    private final Path temp;
    private final boolean local;

    SparkOutput(SparkSession spark, URI target) throws IOException {
        FileSystem any = FileSystem.get(target, spark.sparkContext().hadoopConfiguration());
        this.local = any instanceof LocalFileSystem;
        this.fs = any instanceof LocalFileSystem l ? l.getRawFileSystem() : any; // no checksum files beside ours
        this.target = fs.makeQualified(new Path(target));
        this.temp = new Path(this.target.getParent(), "." + this.target.getName() + ".spark-" + System.nanoTime());
    }

    /** Where Spark writes its parts. */
    String temporary() {
        return temp.toString();
    }

    /** The part files Spark wrote, in the order of their rows. */
    private List<Path> parts() throws IOException {
        List<Path> parts = new ArrayList<>();
        for (FileStatus f : fs.listStatus(temp)) {
            if (f.getPath().getName().startsWith("part-")) {
                parts.add(f.getPath());
            }
        }
        parts.sort(Comparator.comparing(Path::getName));
        if (parts.isEmpty()) {
            throw new IOException("Spark wrote no part file into " + temp);
        }
        return parts;
    }

    /** {@code head}, then every part's bytes in order, as the one target file. */
    void commitConcatenated(byte[] head) throws IOException {
        Path whole = new Path(temp, "whole");
        try (OutputStream out = fs.create(whole, false)) {
            if (head != null) {
                out.write(head);
            }
            for (Path part : parts()) {
                try (InputStream in = fs.open(part)) {
                    in.transferTo(out);
                }
            }
        }
        put(whole);
    }

    /** The only part as the target file. */
    void commitSinglePart() throws IOException {
        put(parts().get(0));
    }

    /** The temporary folder as the target folder. */
    void commitFolder() throws IOException {
        for (FileStatus f : fs.listStatus(temp)) {
            if (f.getPath().getName().startsWith("_") || f.getPath().getName().startsWith(".")) {
                fs.delete(f.getPath(), false); // Spark's markers and checksums
            }
        }
        put(temp);
    }

    private void put(Path done) throws IOException {
        fs.mkdirs(target.getParent());
        if (local) {
            java.nio.file.Path from = java.nio.file.Path.of(done.toUri());
            java.nio.file.Path to = java.nio.file.Path.of(target.toUri());
            if (Files.isDirectory(to)) {
                java.nio.file.Path old = to.resolveSibling("." + to.getFileName() + ".old-" + System.nanoTime());
                Files.move(to, old, StandardCopyOption.ATOMIC_MOVE);
                Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
                fs.delete(new Path(old.toUri()), true);
            } else {
                Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            return;
        }
        if (fs.exists(target)) {
            fs.delete(target, true);
        }
        if (!fs.rename(done, target)) {
            throw new IOException("could not move " + done + " to " + target);
        }
    }

    /** Removes the temporary folder (after a commit: what is left of it; after a failure: all of it). */
    @Override
    public void close() throws IOException {
        if (fs.exists(temp)) {
            fs.delete(temp, true);
        }
    }

    /** Whether the text is a URI with a scheme of more than one letter (not a Windows drive such as C:\). */
    static boolean isUri(String path) {
        int colon = path.indexOf(':');
        return colon > 1 && Character.isLetter(path.charAt(0)) && path.substring(0, colon).chars().allMatch(c ->
                Character.isLetterOrDigit(c) || c == '+' || c == '.' || c == '-');
    }
}
