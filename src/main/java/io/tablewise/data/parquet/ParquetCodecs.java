package io.tablewise.data.parquet;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

/**
 * Page compression without Hadoop's codec classes: Snappy (snappy-java), gzip (the JDK), Zstandard (zstd-jni) and
 * none — what Spark, DuckDB, pandas and Polars write by default. Others are refused by name.
 */
final class ParquetCodecs implements CompressionCodecFactory {
    static final ParquetCodecs INSTANCE = new ParquetCodecs();

    private ParquetCodecs() {
    }

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        check(codec);
        return new BytesInputCompressor() {
            @Override
            public BytesInput compress(BytesInput bytes) throws IOException {
                return BytesInput.from(ParquetCodecs.compress(codec, bytes.toInputStream().readAllBytes()));
            }

            @Override
            public CompressionCodecName getCodecName() {
                return codec;
            }

            @Override
            public void release() {
            }
        };
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        check(codec);
        return new BytesInputDecompressor() {
            @Override
            public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
                return BytesInput.from(uncompress(codec, bytes.toInputStream().readAllBytes(), uncompressedSize));
            }

            @Override
            public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize)
                    throws IOException {
                byte[] in = new byte[compressedSize];
                input.get(in);
                output.put(uncompress(codec, in, uncompressedSize));
            }

            @Override
            public void release() {
            }
        };
    }

    @Override
    public void release() {
    }

    private static void check(CompressionCodecName codec) {
        switch (codec) {
            case UNCOMPRESSED, SNAPPY, GZIP, ZSTD -> {
            }
            default -> throw new UnsupportedOperationException("the file is compressed with " + codec + ", which "
                    + "Tablewise does not read; write it with Snappy, gzip or Zstandard");
        }
    }

    static byte[] compress(CompressionCodecName codec, byte[] in) throws IOException {
        return switch (codec) {
            case SNAPPY -> Snappy.compress(in);
            case GZIP -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream(in.length / 2 + 64);
                try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                    gz.write(in);
                }
                yield out.toByteArray();
            }
            case ZSTD -> com.github.luben.zstd.Zstd.compress(in, 3);
            default -> in;
        };
    }

    static byte[] uncompress(CompressionCodecName codec, byte[] in, int size) throws IOException {
        return switch (codec) {
            case SNAPPY -> {
                byte[] out = new byte[size];
                Snappy.uncompress(in, 0, in.length, out, 0);
                yield out;
            }
            case GZIP -> {
                try (GZIPInputStream gz = new GZIPInputStream(new ByteArrayInputStream(in))) {
                    yield gz.readNBytes(size);
                }
            }
            case ZSTD -> com.github.luben.zstd.Zstd.decompress(in, size);
            default -> in;
        };
    }
}
