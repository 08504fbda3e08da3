package io.tablewise.data.csv;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;

import io.tablewise.data.ErrorPolicy;
import io.tablewise.data.MissingTokens;
import io.tablewise.node.ColumnKind;

/**
 * How to read a delimited file. {@code null} means "detect it".
 *
 * @param encoding character set, or null to detect
 * @param delimiter delimiter byte, or null to detect
 * @param quote quote byte, -1 for none, or null to detect
 * @param header whether the first record holds names, or null to detect
 * @param missingTokens texts that mean missing (an empty field always does)
 * @param trim strip spaces and tabs around every value
 * @param rowLimit read at most this many data rows (0: all)
 * @param sampleRows keep a uniform random sample of this many rows (0: all)
 * @param seed seed of the sample
 * @param columnTypes per-column type overrides
 * @param onError what to do with ragged rows and unreadable values
 * @param parallelism worker threads
 */
public record CsvOptions(Charset encoding, Integer delimiter, Integer quote, Boolean header,
                         List<String> missingTokens, boolean trim, long rowLimit, long sampleRows, long seed,
                         Map<String, ColumnKind> columnTypes, ErrorPolicy onError, int parallelism) {
    /** Copies the collections. */
    public CsvOptions {
        missingTokens = List.copyOf(missingTokens);
        columnTypes = Map.copyOf(columnTypes);
        parallelism = Math.max(1, parallelism);
    }

    /** Detect everything, default missing tokens, trim, keep every row, set unreadable values missing. */
    public static CsvOptions defaults() {
        return new CsvOptions(null, null, null, null, MissingTokens.DEFAULTS, true, 0, 0, 42, Map.of(),
                ErrorPolicy.SET_MISSING, Runtime.getRuntime().availableProcessors());
    }

    /** With a given encoding. */
    public CsvOptions withEncoding(Charset value) {
        return new CsvOptions(value, delimiter, quote, header, missingTokens, trim, rowLimit, sampleRows, seed,
                columnTypes, onError, parallelism);
    }

    /** With a given delimiter. */
    public CsvOptions withDelimiter(char value) {
        return new CsvOptions(encoding, (int) value, quote, header, missingTokens, trim, rowLimit, sampleRows,
                seed, columnTypes, onError, parallelism);
    }

    /** With a given header setting. */
    public CsvOptions withHeader(Boolean value) {
        return new CsvOptions(encoding, delimiter, quote, value, missingTokens, trim, rowLimit, sampleRows, seed,
                columnTypes, onError, parallelism);
    }

    /** With an error policy. */
    public CsvOptions withOnError(ErrorPolicy value) {
        return new CsvOptions(encoding, delimiter, quote, header, missingTokens, trim, rowLimit, sampleRows, seed,
                columnTypes, value, parallelism);
    }

    /** With type overrides. */
    public CsvOptions withColumnTypes(Map<String, ColumnKind> value) {
        return new CsvOptions(encoding, delimiter, quote, header, missingTokens, trim, rowLimit, sampleRows, seed,
                value, onError, parallelism);
    }

    /** With a row limit and a sample size. */
    public CsvOptions withRows(long limit, long sample, long sampleSeed) {
        return new CsvOptions(encoding, delimiter, quote, header, missingTokens, trim, limit, sample, sampleSeed,
                columnTypes, onError, parallelism);
    }

    /** With other missing tokens and trimming. */
    public CsvOptions withMissing(List<String> tokens, boolean trimValues) {
        return new CsvOptions(encoding, delimiter, quote, header, tokens, trimValues, rowLimit, sampleRows, seed,
                columnTypes, onError, parallelism);
    }

    /** With a given quote (-1: none). */
    public CsvOptions withQuote(int value) {
        return new CsvOptions(encoding, delimiter, value, header, missingTokens, trim, rowLimit, sampleRows, seed,
                columnTypes, onError, parallelism);
    }

    /** With a number of worker threads. */
    public CsvOptions withParallelism(int threads) {
        return new CsvOptions(encoding, delimiter, quote, header, missingTokens, trim, rowLimit, sampleRows, seed,
                columnTypes, onError, threads);
    }
}
