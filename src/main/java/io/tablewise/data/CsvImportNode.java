package io.tablewise.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import tech.tablesaw.api.Table;

import io.tablewise.data.csv.CsvOptions;
import io.tablewise.data.csv.DelimitedReader;
import io.tablewise.data.csv.EncodingDetector;
import io.tablewise.node.ConfigureContext;
import io.tablewise.node.NodeContext;
import io.tablewise.node.NodeDescriptor;
import io.tablewise.node.NodeException;
import io.tablewise.node.NodeParams;
import io.tablewise.node.NodeType;
import io.tablewise.node.ParamSpec;
import io.tablewise.node.ParamType;
import io.tablewise.node.PortSpec;
import io.tablewise.node.PortType;
import io.tablewise.node.TableSchema;

/**
 * Imports a delimited text file (CSV, TSV, semicolon or pipe separated) with detection of encoding, delimiter,
 * quote and header, and type inference over every value. Configure previews the first megabyte of the file to
 * know the columns without reading it all.
 */
public final class CsvImportNode implements NodeType {
    /** The node type id. */
    public static final String ID = "data.import.csv";
    private static final int PREVIEW_BYTES = 1 << 20;

    private static final NodeDescriptor DESCRIPTOR = new NodeDescriptor(ID, 1, "Import CSV / text", "Data",
            "Reads a delimited text file (comma, semicolon, tab or pipe separated) into a table, detecting the "
                    + "encoding, separator, header and column types.",
            List.of(),
            List.of(PortSpec.of("table", PortType.TABLE, "The imported table")),
            List.of(
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
                    ImportParams.header(),
                    ImportParams.missingValues(),
                    ImportParams.trim(),
                    ImportParams.columnTypes(),
                    ImportParams.onError(),
                    ImportParams.rowLimit(),
                    ImportParams.sampleRows(),
                    ImportParams.seed()));

    @Override
    public NodeDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Map<String, TableSchema> configure(ConfigureContext context) throws NodeException {
        Path file = context.resolveInput(context.params().string("path"));
        CsvOptions options = options(ImportParams.forPreview(context.params())).withRows(0, 0, 0).withParallelism(1);
        byte[] head = preview(file);
        try {
            Table sample = new DelimitedReader().read(head, file.getFileName().toString(), options,
                    io.tablewise.data.ImportMonitor.NONE).table();
            return Map.of("table", TableSchema.of(sample));
        } catch (ImportException e) {
            throw new NodeException(e.param(), e.getMessage());
        }
    }

    @Override
    public Map<String, Object> execute(NodeContext context) throws NodeException {
        Path file = context.resolveInput(context.params().string("path"));
        try {
            ImportResult result = new DelimitedReader().read(file, options(context.params()), Monitors.of(context));
            context.info("read as " + result.format().describe());
            result.warnings().forEach(context::warn);
            return Map.of("table", result.table());
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

    private static byte[] preview(Path file) throws NodeException {
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
