package io.tablewise.fuzz;

import java.io.IOException;
import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;

import io.tablewise.ml.FeatureEncoder;
import io.tablewise.ml.LearnedModel;
import io.tablewise.ml.ProblemType;

/** Any bytes given as a model file are loaded or refused with an {@link IOException} that has a message. */
public class ModelLoaderFuzzTest {
    @FuzzTest(maxDuration = Fuzzing.SHORT)
    void anyBytesAreAModelOrARefusal(byte[] data) {
        fuzzerTestOneInput(data);
    }

    /** The entry point for {@code -P fuzz}. */
    public static void fuzzerTestOneInput(byte[] data) {
        try {
            LearnedModel.load(Fuzzing.file("model.tribuo", data), ProblemType.BINARY, List.of("no", "yes"),
                    ENCODER);
        } catch (IOException e) {
            Fuzzing.expectMessage(e);
        }
    }

    private static final FeatureEncoder ENCODER = FeatureEncoder.fit(tech.tablesaw.api.Table.create("t",
            tech.tablesaw.api.DoubleColumn.create("x", 1, 2, 3)), List.of("x"), new int[] {0, 1, 2});
}
