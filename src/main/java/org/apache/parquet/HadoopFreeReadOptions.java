package org.apache.parquet;

import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.format.converter.ParquetMetadataConverter;

/**
 * Tablewise's one class in Parquet's package: read options built without Hadoop. Parquet's public builder makes a
 * Hadoop codec factory before one can pass another, and Tablewise ships without Hadoop, so the options are made
 * with the package's own constructor (checked by ParquetFilesTest on every Parquet upgrade).
 */
public final class HadoopFreeReadOptions {
    private HadoopFreeReadOptions() {
    }

    /** Options that decompress with {@code codecs}, read every row (no filters) and verify nothing extra. */
    public static ParquetReadOptions of(CompressionCodecFactory codecs) {
        return new ParquetReadOptions(false, false, false, false, false, false, false, false, false,
                FilterCompat.NOOP, ParquetMetadataConverter.NO_FILTER, codecs, new HeapByteBufferAllocator(),
                8 * 1024 * 1024, new java.util.HashMap<>(), null, null, new PlainParquetConfiguration());
    }
}
