package io.tablewise.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.tablewise.node.ProgressMonitor;
import io.tablewise.data.csv.CsvOptions;
import io.tablewise.data.csv.DelimitedReader;
import io.tablewise.data.csv.EncodingDetector;
import io.tablewise.node.NodeException;
import io.tablewise.node.NodeParams;
import io.tablewise.node.ParamSpec;
import io.tablewise.node.ParamType;

/**
 * Imports a delimited text file (CSV, TSV, semicolon or pipe separated) with detection of encoding, delimiter,
 * quote and header, and type inference over every value. Configure previews the first megabyte of the file to
 * know the columns without reading it all.
 */
public final class CsvImportNode extends FileImportNode {
    /** The node type id. */
    public static final String ID = "data.import.csv";
    private static final int PREVIEW_BYTES = 1 << 20;

    /** Creates the node type. */
    public CsvImportNode() {
        super(ID, "Import CSV / text", "Reads a delimited text file (comma, semicolon, tab or pipe separated) into "
                + "a table, detecting the encoding, separator, header and column types.",
                ImportParams.withReading(List.of(
                    ImportParams.path("The file to read, relative to the flow file."),
                    ParamSpec.builder("encoding", ParamType.CHOICE).label("Encoding").defaultValue("auto")
                            .allowed("auto", "UTF-8", "UTF-16LE", "UTF-16BE", "windows-1252", "CP949", "EUC-KR",
                                    "ISO-8859-1")
                            .help("Character set; auto recognises UTF-8 (with or without BOM), UTF-16 with BOM, "
                                    + "CP949/EUC-KR (Korean) and Windows-1252.").build(),
                    ParamSpec.builder("delimiter", ParamType.CHOICE).label("Separator").defaultValue("auto")
                            .allowed("auto", ",", ";", "tab", "|")
                            .help("The character between fields; auto picks the one that splits lines most "
                                    + "consistently.").build(),
                    ParamSpec.builder("quote", ParamType.CHOICE).label("Quote").defaultValue("auto")
                            .allowed("auto", "\"", "'", "none")
                            .help("The character that encloses fields containing separators or line breaks.")
                            .build(),
                    ImportParams.header()), ImportParams.sampleRows(), ImportParams.seed()));
    }

    @Override
    ImportResult read(Path file, NodeParams params, long rowLimit, ProgressMonitor monitor) throws NodeException {
        if (rowLimit <= 0 && params.integer("sampleRows", 0) <= 0) {
            MemoryCheck.fits(file, Runtime.getRuntime());
        } else if (rowLimit > 0 && params.integer("sampleRows", 0) <= 0) {
            ImportResult first = firstRows(file, params, rowLimit, monitor);
            if (first != null) {
                return first;
            }
        }
        try {
            return new DelimitedReader().read(file, options(params), monitor);
        } catch (ImportException e) {
            throw new NodeException(e.param(), e.getMessage());
        }
    }

    /** Reads only the first megabyte: configure must be instant even on a 2 GB file. */
    @Override
    ImportResult preview(Path file, NodeParams params) throws NodeException {
        CsvOptions options = options(params).withRows(0, 0, 0).withParallelism(1);
        try {
            return new DelimitedReader().read(head(file), file.getFileName().toString(), options, ProgressMonitor.NONE);
        } catch (ImportException e) {
            throw new NodeException(e.param(), e.getMessage());
        }
    }

    /** Reader options from node parameters. */
    static CsvOptions options(NodeParams p) {
        CsvOptions o = CsvOptions.defaults()
                .withHeader(ImportParams.headerChoice(p))
                .withMissing(ImportParams.missing(p), p.bool("trimWhitespace", true))
                .withColumnTypes(ImportParams.columnKinds(p))
                .withOnError(ErrorPolicy.fromId(p.string("onError", "set-missing")))
                .withRows(p.integer("rowLimit", 0), p.integer("sampleRows", 0), p.integer("seed", 42));
        String encoding = p.string("encoding", "auto");
        if (!encoding.equals("auto")) {
            o = o.withEncoding(encoding.equals("CP949") ? EncodingDetector.CP949 : Charset.forName(encoding));
        }
        String delimiter = p.string("delimiter", "auto");
        if (!delimiter.equals("auto")) {
            o = o.withDelimiter(delimiter.equals("tab") ? '\t' : delimiter.charAt(0));
        }
        String quote = p.string("quote", "auto");
        if (!quote.equals("auto")) {
            o = o.withQuote(quote.equals("none") ? -1 : quote.charAt(0));
        }
        return o;
    }

    /**
     * The first {@code rows} rows of a large file read from its beginning only (a row limit on a 10 GB file must not
     * need 10 GB): a prefix of about the rows' size, judged from the first lines, cut at a line end and grown until
     * it holds the rows; null when the prefix would be most of the file (then the file is read as usual).
     */
    private static ImportResult firstRows(Path file, NodeParams params, long rows, ProgressMonitor monitor)
            throws NodeException {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            return null;
        }
        byte[] head = head(file);
        int lines = 0;
        for (byte b : head) {
            lines += b == '\n' ? 1 : 0;
        }
        long want = lines < 2 ? PREVIEW_BYTES : (long) ((rows + 2.0) * head.length / lines * 1.25) + PREVIEW_BYTES;
        while (want < size / 2 && want < Integer.MAX_VALUE - 8) {
            byte[] prefix = prefix(file, (int) want);
            try {
                // one row more than asked: the prefix's last record may be cut inside a quoted line break
                ImportResult r = new DelimitedReader().read(prefix, file.getFileName().toString(), options(params)
                        .withRows(rows + 1, 0, 42), monitor);
                if (r.table().rowCount() > rows) {
                    return new ImportResult(r.table().first((int) rows), r.format(), r.warnings());
                }
            } catch (ImportException e) {
                throw new NodeException(e.param(), e.getMessage());
            }
            want *= 2;
        }
        return null;
    }

    /** The first {@code bytes} bytes of a file, cut after the last line end in them. */
    private static byte[] prefix(Path file, int bytes) throws NodeException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] b = in.readNBytes(bytes);
            int cut = b.length;
            while (cut > 0 && b[cut - 1] != '\n') {
                cut--;
            }
            return cut > 0 ? java.util.Arrays.copyOf(b, cut) : b;
        } catch (IOException e) {
            throw new NodeException("path", "cannot read " + file + ": " + e.getMessage());
        }
    }

    private static byte[] head(Path file) throws NodeException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(PREVIEW_BYTES);
            if (head.length == PREVIEW_BYTES) {
                int cut = head.length;
                while (cut > 0 && head[cut - 1] != '\n') {
                    cut--;
                }
                if (cut > 0) {
                    head = java.util.Arrays.copyOf(head, cut);
                }
            }
            return head;
        } catch (IOException e) {
            throw new NodeException("path", "cannot read " + file + ": " + e.getMessage());
        }
    }
}
