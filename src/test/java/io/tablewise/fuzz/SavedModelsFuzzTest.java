package io.tablewise.fuzz;

import java.io.IOException;

import com.code_intelligence.jazzer.junit.FuzzTest;

import io.tablewise.anomaly.AnomalyModel;
import io.tablewise.forecast.ForecastModel;

/**
 * Any bytes given as a saved forecast model or anomaly detector are loaded or refused with an {@link IOException}
 * that has a message: a model folder is something users copy around and edit.
 */
public class SavedModelsFuzzTest {
    @FuzzTest(maxDuration = Fuzzing.SHORT)
    void anyBytesAreASavedModelOrARefusal(byte[] data) {
        fuzzerTestOneInput(data);
    }

    /** The entry point for {@code -P fuzz}. */
    public static void fuzzerTestOneInput(byte[] data) {
        try {
            ForecastModel.load(Fuzzing.file(ForecastModel.FILE, data).getParent());
        } catch (IOException e) {
            Fuzzing.expectMessage(e);
        }
        try {
            AnomalyModel.load(Fuzzing.file(AnomalyModel.FILE, data).getParent());
        } catch (IOException e) {
            Fuzzing.expectMessage(e);
        }
    }
}
