package io.tablewise.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.ULocale;
import com.ibm.icu.util.GregorianCalendar;

import io.tablewise.node.NodeException;

class HolidaysTest {
    /** The Gregorian date of lunar month/day in the Korean year that holds June of {@code year}, by ICU. */
    private static LocalDate lunar(int year, int month, int day) {
        // Korea's lunar calendar as ICU names it by locale (the DangiCalendar class itself is ICU-internal)
        Calendar c = Calendar.getInstance(new ULocale("ko_KR@calendar=dangi"));
        c.setTimeInMillis(new GregorianCalendar(year, Calendar.JUNE, 1).getTimeInMillis());
        int extended = c.get(Calendar.EXTENDED_YEAR);
        c.clear();
        c.set(Calendar.EXTENDED_YEAR, extended);
        c.set(Calendar.MONTH, month - 1);
        c.set(Calendar.IS_LEAP_MONTH, 0);
        c.set(Calendar.DAY_OF_MONTH, day);
        GregorianCalendar g = new GregorianCalendar(c.getTimeZone());
        g.setTimeInMillis(c.getTimeInMillis());
        return LocalDate.of(g.get(Calendar.YEAR), g.get(Calendar.MONTH) + 1, g.get(Calendar.DAY_OF_MONTH));
    }

    @Test
    void theShippedLunarTableEqualsKoreasLunarCalendarEveryYear() {
        Map<Integer, LocalDate[]> table = Holidays.lunarTable();
        assertEquals(Holidays.KR_LAST - Holidays.KR_FIRST + 1, table.size());
        for (int y = Holidays.KR_FIRST; y <= Holidays.KR_LAST; y++) {
            LocalDate[] row = table.get(y);
            assertEquals(lunar(y, 1, 1), row[0], "Seollal " + y);
            assertEquals(lunar(y, 4, 8), row[1], "Buddha's Birthday " + y);
            assertEquals(lunar(y, 8, 15), row[2], "Chuseok " + y);
        }
    }

    @Test
    void koreanCalendarHasTheThreeDaysOfChuseokAndTheFixedHolidays() {
        Holidays kr = Holidays.korean();
        // Chuseok 2025 fell on 6 October: 5-7 October were holidays
        for (int d = 5; d <= 7; d++) {
            assertEquals("Chuseok", kr.on(LocalDate.of(2025, 10, d)));
        }
        assertEquals("Seollal", kr.on(LocalDate.of(2024, 2, 10)));
        assertEquals("Hangul Day", kr.on(LocalDate.of(2024, 10, 9)));
        assertNull(kr.on(LocalDate.of(2024, 10, 10)));
        assertEquals(3, kr.daysUntil(LocalDate.of(2024, 9, 13), 14)); // Chuseok 2024: 16-18 September
        assertEquals(0, kr.daysUntil(LocalDate.of(2025, 10, 6), 14));
        assertEquals(2, kr.daysSince(LocalDate.of(2025, 10, 11), 14)); // after Hangul Day, 9 October
        assertTrue(kr.covers(2035) && !kr.covers(2036));
    }

    @Test
    void unitedStatesHolidaysFollowTheirRules() {
        Holidays us = Holidays.unitedStates(2020, 2030);
        assertEquals("Thanksgiving", us.on(LocalDate.of(2026, 11, 26)));
        assertEquals("Martin Luther King Jr. Day", us.on(LocalDate.of(2026, 1, 19)));
        assertEquals("Memorial Day", us.on(LocalDate.of(2026, 5, 25)));
        assertEquals("Labor Day", us.on(LocalDate.of(2026, 9, 7)));
        assertEquals("Juneteenth", us.on(LocalDate.of(2021, 6, 19)));
        assertNull(us.on(LocalDate.of(2020, 6, 19)));
    }

    @Test
    void aFileOfDatesWithAHeaderAndNamesIsReadAndABadLineIsNamed(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("store-days.csv");
        Files.writeString(f, "date,name\n2026-11-27,창립기념일 세일\n2026-12-24,Christmas Eve\n");
        Holidays h = Holidays.of(f.getFileName().toString(), dir::resolve);
        assertEquals("창립기념일 세일", h.on(LocalDate.of(2026, 11, 27)));
        assertEquals(2, h.days().size());
        Files.writeString(f, "2026-11-27\n27/11/2026\n");
        NodeException e = assertThrows(NodeException.class, () -> Holidays.file(f));
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("27/11/2026"), e.getMessage());
        NodeException missing = assertThrows(NodeException.class, () -> Holidays.file(dir.resolve("nope.csv")));
        assertTrue(missing.getMessage().contains("nope.csv"), missing.getMessage());
    }
}
