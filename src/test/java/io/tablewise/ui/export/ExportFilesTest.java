package io.tablewise.ui.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import tech.tablesaw.api.Table;

import io.tablewise.data.csv.CsvOptions;
import io.tablewise.data.csv.DelimitedReader;
import io.tablewise.node.ProgressMonitor;

/** Chart exports read back as images and SVG documents; table exports read back by Tablewise's own import. */
class ExportFilesTest {
    @TempDir
    Path dir;

    private static JFreeChart chart() {
        XYSeries s = new XYSeries("해지율 curve");
        s.add(0, 0);
        s.add(0.5, 0.8);
        s.add(1, 1);
        return ChartFactory.createXYLineChart(null, "false positive rate", "true positive rate",
                new XYSeriesCollection(s));
    }

    @Test
    void pngIsDrawnAtTwiceTheSizeOnScreen() throws Exception {
        Path png = dir.resolve("roc.png");
        ChartFiles.writePng(chart(), 420, 300, png);
        BufferedImage read = ImageIO.read(png.toFile());
        assertEquals(840, read.getWidth());
        assertEquals(600, read.getHeight());
        // not blank: the white plot and a coloured line both appear
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int x = 0; x < read.getWidth(); x += 7) {
            for (int y = 0; y < read.getHeight(); y += 7) {
                colours.add(read.getRGB(x, y));
            }
        }
        assertTrue(colours.size() > 5, "a drawn chart has many colours: " + colours.size());
        assertTrue(Files.list(dir).allMatch(p -> p.equals(png)), "no temporary file is left behind");
    }

    @Test
    void svgIsAWellFormedDocumentWithTheChartsText() throws Exception {
        Path svg = dir.resolve("roc.svg");
        ChartFiles.writeSvg(chart(), 420, 300, svg);
        String text = Files.readString(svg, StandardCharsets.UTF_8);
        DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
        xml.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document doc = xml.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        assertEquals("svg", doc.getDocumentElement().getNodeName());
        assertEquals(420, Double.parseDouble(doc.getDocumentElement().getAttribute("width")));
        assertTrue(text.contains("해지율 curve"), "the legend's Korean text is kept as text");
        assertTrue(text.contains("false positive rate"));
    }

    @Test
    void csvQuotesWhatItMustAndReadsBackCellForCell() throws Exception {
        List<String> header = List.of("열 이름", "value", "note");
        List<List<String>> rows = List.of(List.of("서울", "1.5", "plain"), List.of("a,b", "2", "says \"hi\""),
                List.of("multi\nline", "", " padded "));
        Path csv = dir.resolve("table.csv");
        TableCsv.write(csv, header, rows);
        byte[] bytes = Files.readAllBytes(csv);
        assertEquals(0xEF, bytes[0] & 0xFF, "UTF-8 byte-order mark for spreadsheet programs");
        assertEquals("\"a,b\"", TableCsv.quote("a,b"));
        assertEquals("\"says \"\"hi\"\"\"", TableCsv.quote("says \"hi\""));
        Table t = new DelimitedReader().read(csv, CsvOptions.defaults(), ProgressMonitor.NONE).table();
        assertEquals(header, t.columnNames());
        assertEquals(3, t.rowCount());
        assertEquals("서울", t.getString(0, "열 이름"));
        assertEquals("a,b", t.getString(1, "열 이름"));
        assertEquals("says \"hi\"", t.getString(1, "note"));
        assertEquals("multi\nline", t.getString(2, "열 이름"));
    }

    @Test
    void copiedTablesAreTabSeparatedOneLinePerRow() {
        assertEquals("a\tb\n1,5\tx y\n", TableCsv.tabSeparated(List.of("a", "b"), List.of(List.of("1,5", "x\ty"))));
    }

    @Test
    void exportNamesLoseCharactersFileSystemsRefuse() {
        assertEquals("ROC curve (test rows)", ExportDialogs.safeName("ROC curve (test rows)"));
        assertEquals("a b", ExportDialogs.safeName("a/b"));
        assertEquals("export", ExportDialogs.safeName("///"));
    }
}
