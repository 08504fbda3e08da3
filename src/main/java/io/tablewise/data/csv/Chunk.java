package io.tablewise.data.csv;

import java.util.BitSet;
import java.util.function.BooleanSupplier;

import io.tablewise.data.ChunkValues;
import io.tablewise.data.ColumnBuffer;
import io.tablewise.data.ColumnInference;
import io.tablewise.data.ErrorPolicy;
import io.tablewise.data.ProblemLog;
import io.tablewise.data.StringInterner;
import io.tablewise.data.ValueParsers;
import io.tablewise.node.CancelledException;

/**
 * One slice of a delimited file, read twice: {@link #scan} infers types, counts rows and logs problems;
 * {@link #fill} writes values into the column buffers at the rows {@link #scan} assigned. Both passes see the
 * same records because they start and stop at the same offsets.
 */
final class Chunk {
    private static final int CANCEL_CHECK_EVERY = 4096;

    final int start;
    final int limit;
    int firstRecordStart;
    long linesBeforeFirstRecord;
    int endPos;
    long linesPassed;
    long records;
    long kept;
    final BitSet skipped = new BitSet();
    ColumnInference[] columns;
    /** Values stored by the first pass, per column (null when not speculating or for overridden columns). */
    ChunkValues[] values;
    /** Columns this chunk must read again in the second pass. */
    final BitSet refill = new BitSet();
    final ProblemLog problems = new ProblemLog();
    final ProblemLog fillProblems = new ProblemLog();
    /** Per column, numbers whose digits a decimal column cannot keep, and the first of them. */
    ExactnessLog exactness;

    Chunk(int start, int limit) {
        this.start = start;
        this.limit = limit;
    }

    /** Pass 1. {@code maxRows} > 0 stops after that many kept rows. */
    void scan(ReadSetup setup, long maxRows, BooleanSupplier cancelled) {
        int n = setup.columnCount();
        columns = new ColumnInference[n];
        for (int c = 0; c < n; c++) {
            columns[c] = new ColumnInference();
        }
        int[] masks = new int[n];
        exactness = new ExactnessLog(n);
        values = new ChunkValues[n];
        StringInterner[] interners = new StringInterner[n];
        if (setup.speculative()) {
            int expected = (int) Math.min(Integer.MAX_VALUE - 16, (limit - start) / setup.recordBytes() * 1.05 + 16);
            for (int c = 0; c < n; c++) {
                if (setup.overrides()[c] == null) {
                    values[c] = new ChunkValues(expected);
                    interners[c] = ColumnBuffer.interner(setup.charset());
                }
            }
        }
        RecordScanner sc = setup.scanner(start);
        boolean anyOverride = setup.anyOverride();
        boolean first = true;
        while (sc.next(limit)) {
            if (first) {
                firstRecordStart = sc.recordStart;
                linesBeforeFirstRecord = sc.recordLine;
                first = false;
            }
            if ((records & (CANCEL_CHECK_EVERY - 1)) == 0 && cancelled.getAsBoolean()) {
                throw new CancelledException();
            }
            long recordIndex = records++;
            logQuoteProblems(sc);
            if (!checkWidth(sc, n, setup.policy())) {
                skipped.set((int) recordIndex);
                continue;
            }
            boolean keep = anyOverride ? scanRowWithOverrides(setup, sc, n, masks, interners)
                    : scanRow(setup, sc, n, interners);
            if (!keep) {
                skipped.set((int) recordIndex);
                continue;
            }
            kept++;
            if (maxRows > 0 && kept >= maxRows) {
                break;
            }
        }
        if (first) {
            firstRecordStart = sc.pos;
            linesBeforeFirstRecord = sc.linesPassed;
        }
        endPos = sc.pos;
        linesPassed = sc.linesPassed;
    }

    /** One row without type overrides: classify, infer and store in a single loop. */
    private boolean scanRow(ReadSetup setup, RecordScanner sc, int n, StringInterner[] interners) {
        int fc = Math.min(sc.fieldCount, n);
        for (int c = 0; c < n; c++) {
            ChunkValues v = values[c];
            ColumnInference inference = columns[c];
            if (c >= fc) {
                inference.acceptMissing();
                if (v != null) {
                    v.addMissing();
                }
                continue;
            }
            int s = setup.trimStart(sc, c);
            int e = setup.trimEnd(sc, c, s);
            byte[] b = sc.fieldBuf[c];
            if (setup.missing().isMissing(b, s, e)) {
                inference.acceptMissing();
                if (v != null) {
                    v.addMissing();
                }
                continue;
            }
            int mask = v == null ? -1 : v.tryAdd(b, s, e);
            if (mask >= 0) {
                inference.accept(mask);
                continue;
            }
            mask = inference.settledAsText() ? 0 : ValueParsers.classify(b, s, e);
            exactness.check(c, mask, b, s, e); // only unusual numbers get here: the fast paths take plain ones
            inference.accept(mask);
            if (v != null && v.kind() != ChunkValues.Kind.GAVE_UP) {
                v.add(mask, b, s, e, interners[c]);
            }
        }
        return true;
    }

    /** One row when some columns have a forced type: values that do not fit follow the error policy. */
    private boolean scanRowWithOverrides(ReadSetup setup, RecordScanner sc, int n, int[] masks,
                                         StringInterner[] interners) {
        boolean keep = true;
        int fc = Math.min(sc.fieldCount, n);
        for (int c = 0; c < fc; c++) {
            int s = setup.trimStart(sc, c);
            int e = setup.trimEnd(sc, c, s);
            byte[] b = sc.fieldBuf[c];
            if (setup.missing().isMissing(b, s, e)) {
                masks[c] = -1;
                continue;
            }
            if (setup.overrides()[c] == null && columns[c].settledAsText()) {
                masks[c] = 0;
                continue;
            }
            masks[c] = ValueParsers.classify(b, s, e);
            if (setup.overrides()[c] != null && !ColumnInference.fits(setup.overrides()[c], masks[c])) {
                problems.add(ProblemLog.Kind.UNPARSEABLE, sc.recordLine, "(column '" + setup.names().get(c)
                        + "': '" + setup.text(b, s, e) + "' is not " + article(setup.overrides()[c]) + ")");
                if (setup.policy() == ErrorPolicy.SKIP_ROW) {
                    keep = false;
                } else {
                    masks[c] = -1;
                }
            }
        }
        if (!keep) {
            return false;
        }
        for (int c = 0; c < n; c++) {
            ChunkValues v = values[c];
            if (c >= fc || masks[c] == -1) {
                columns[c].acceptMissing();
                if (v != null) {
                    v.addMissing();
                }
            } else {
                columns[c].accept(masks[c]);
                if (v != null && v.kind() != ChunkValues.Kind.GAVE_UP) {
                    int s = setup.trimStart(sc, c);
                    v.add(masks[c], sc.fieldBuf[c], s, setup.trimEnd(sc, c, s), interners[c]);
                }
            }
        }
        return true;
    }

    private static String article(io.tablewise.node.ColumnKind kind) {
        return switch (kind) {
            case INTEGER -> "an integer";
            case DECIMAL -> "a number";
            case BOOLEAN -> "true or false";
            case DATE -> "a date";
            case DATETIME -> "a date-time";
            case TEXT -> "text";
        };
    }

    private void logQuoteProblems(RecordScanner sc) {
        if (sc.problems == 0) {
            return;
        }
        if ((sc.problems & RecordScanner.STRAY_QUOTE) != 0) {
            problems.add(ProblemLog.Kind.STRAY_QUOTE, sc.recordLine, "");
        }
        if ((sc.problems & RecordScanner.TEXT_AFTER_QUOTE) != 0) {
            problems.add(ProblemLog.Kind.TEXT_AFTER_QUOTE, sc.recordLine, "");
        }
        if ((sc.problems & RecordScanner.UNTERMINATED_QUOTE) != 0) {
            problems.add(ProblemLog.Kind.UNTERMINATED_QUOTE, sc.recordLine, "");
        }
    }

    /** Logs a ragged record; false if it is to be skipped. */
    private boolean checkWidth(RecordScanner sc, int n, ErrorPolicy policy) {
        if (sc.fieldCount == n) {
            return true;
        }
        ProblemLog.Kind kind = sc.fieldCount < n ? ProblemLog.Kind.TOO_FEW_FIELDS : ProblemLog.Kind.TOO_MANY_FIELDS;
        problems.add(kind, sc.recordLine, "(" + sc.fieldCount + " fields, expected " + n + ")");
        return policy != ErrorPolicy.SKIP_ROW;
    }

    /**
     * Pass 2: writes kept rows into {@code buffers}. Kept row {@code k} of this chunk is global kept row
     * {@code keptOffset + k}; with a sample, only rows in {@code selected} are written, at their rank.
     */
    void fill(ReadSetup setup, ColumnBuffer[] buffers, long keptOffset, BitSet selected, long rowOffset,
              long maxRows, BooleanSupplier cancelled) {
        if (refill.isEmpty()) {
            return;
        }
        int n = setup.columnCount();
        StringInterner[] interners = new StringInterner[n];
        for (int c = 0; c < n; c++) {
            interners[c] = ColumnBuffer.interner(setup.charset());
        }
        RecordScanner sc = setup.scanner(start);
        long recordIndex = 0;
        long keptIndex = 0;
        long row = rowOffset;
        while (sc.next(limit) && (maxRows <= 0 || keptIndex < maxRows)) {
            if ((recordIndex & (CANCEL_CHECK_EVERY - 1)) == 0 && cancelled.getAsBoolean()) {
                throw new CancelledException();
            }
            if (skipped.get((int) recordIndex++)) {
                continue;
            }
            long global = keptOffset + keptIndex++;
            if (selected != null && !selected.get((int) global)) {
                continue;
            }
            int r = (int) row++;
            int fc = Math.min(sc.fieldCount, n);
            for (int c = refill.nextSetBit(0); c >= 0 && c < fc; c = refill.nextSetBit(c + 1)) {
                int s = setup.trimStart(sc, c);
                int e = setup.trimEnd(sc, c, s);
                byte[] b = sc.fieldBuf[c];
                if (setup.missing().isMissing(b, s, e)) {
                    buffers[c].setMissing(r);
                } else if (setup.overrides()[c] == null) {
                    buffers[c].setTrusted(r, b, s, e, interners[c]);
                } else if (!buffers[c].set(r, b, s, e, interners[c]) && setup.overrides()[c] != null
                        && ColumnInference.fits(setup.overrides()[c], ValueParsers.classify(b, s, e))) {
                    fillProblems.add(ProblemLog.Kind.UNPARSEABLE, sc.recordLine, "(column '"
                            + setup.names().get(c) + "': '" + setup.text(b, s, e) + "' does not match the "
                            + "column's format)");
                }
            }
            for (int c = refill.nextSetBit(fc); c >= 0; c = refill.nextSetBit(c + 1)) {
                buffers[c].setMissing(r);
            }
        }
    }
}
