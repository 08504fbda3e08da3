package io.tablewise.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import io.tablewise.node.NodeParams;

/** Exported text that a spreadsheet would run as a formula is written so it shows as text; numbers stay numbers. */
class FormulaGuardTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {"=1+1|'=1+1", "+cmd|'+cmd", "-2+3|'-2+3", "@SUM(A1)|'@SUM(A1)",
        "-5|-5", "+1.5e3|+1.5e3", "-.5|-.5", "서울|서울", "a=b|a=b", "''|''"})
    void textThatStartsAFormulaGetsAnApostrophe(String value, String written) {
        assertEquals(written, FormulaGuard.guard(value));
    }

    @Test
    void theCsvExportGuardsTextCellsAndTheHeaderButNotNumbersUnlessTurnedOff() throws Exception {
        Table t = Table.create("t", StringColumn.create("=name", "=HYPERLINK(\"http://x\")", "-3", "서울"),
                DoubleColumn.create("n", -1, 2, -3.5));
        Path guarded = dir.resolve("g.csv");
        CsvExportNode.writeCsv(t, guarded);
        assertEquals("'=name,n\r\n\"'=HYPERLINK(\"\"http://x\"\")\",-1.0\r\n-3,2.0\r\n서울,-3.5\r\n",
                Files.readString(guarded, StandardCharsets.UTF_8));
        Path plain = dir.resolve("p.csv");
        CsvExportNode.writeCsv(t, plain, NodeParams.withDefaults(new CsvExportNode().descriptor(),
                Map.of("guardFormulas", false)), null);
        assertEquals("=name,n", Files.readAllLines(plain).get(0));
    }
}
