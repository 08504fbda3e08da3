package io.tablewise.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tablewise.flow.Flow;

/** A sweep says how many runs it would start and refuses past the limit, instead of silently starting a million. */
class SweepGridLimitTest {
    @Test
    void twentyParametersOfTwoValuesAreRefusedNamingTheCount() {
        Map<String, Object> params = new LinkedHashMap<>();
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (int i = 0; i < 20; i++) {
            params.put("p" + i, 1L);
            values.put("p" + i, List.of("1", "2"));
        }
        Flow flow = new Flow("f", "", params, List.of(), List.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SweepGrid.of(flow, values));
        assertTrue(e.getMessage().contains("1,048,576") && e.getMessage().contains("1000"), e.getMessage());
        Map<String, List<String>> ten = new LinkedHashMap<>();
        for (int i = 0; i < 9; i++) {
            ten.put("p" + i, List.of("1", "2"));
        }
        assertEquals(512, SweepGrid.of(flow, ten).size());
    }
}
