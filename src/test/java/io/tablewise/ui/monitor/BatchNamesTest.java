package io.tablewise.ui.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class BatchNamesTest {
    @Test
    void theSharedPrefixAndSuffixGoAtSeparators() {
        assertEquals(List.of("2026-07", "2027-01"), BatchNames.distinct(List.of("customers-2026-07.csv",
                "customers-2027-01.csv")));
        assertEquals(List.of("20261203-09", "20261203-10"), BatchNames.distinct(List.of("capture-20261203-09",
                "capture-20261203-10")));
        assertEquals(List.of("march", "april"), BatchNames.distinct(List.of("sales_march_eu.csv",
                "sales_april_eu.csv")));
        assertEquals(List.of("This month's customers"), BatchNames.distinct(List.of("This month's customers")));
        assertEquals(List.of("same", "same"), BatchNames.distinct(List.of("same.csv", "same.csv")));
        assertEquals(List.of("1월", "2월"), BatchNames.distinct(List.of("1월-고객.csv", "2월-고객.csv")));
    }
}
