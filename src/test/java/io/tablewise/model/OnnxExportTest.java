package io.tablewise.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.onnx.proto.OnnxMl;
import tech.tablesaw.api.Table;

import io.tablewise.SharedData;
import io.tablewise.ml.ProblemType;
import io.tablewise.node.ProgressMonitor;

/**
 * A linear model's folder also holds {@code model.onnx}: the graph, evaluated here by hand from its weights (a
 * matrix product, a bias and, for classes, a softmax), gives the model's own predictions for encoded rows.
 */
class OnnxExportTest {
    @TempDir
    Path dir;

    @Test
    void aLinearRegressionExportsAGraphThatPredictsLikeTheModel() throws Exception {
        Table wine = SharedData.table("winequality-red.csv");
        TrainedModel m = ModelBuilder.build(wine, new BuildOptions("quality", ProblemType.REGRESSION, List.of(),
                null, 0.2, 42).withAlgorithm("liblinear"), ProgressMonitor.NONE);
        assertEquals("liblinear", m.settings().get("algorithm"));
        double[][] onnx = scoreWithSavedGraph(m, wine, 200);
        double[] model = m.model().values(wine, java.util.stream.IntStream.range(0, 200).toArray());
        for (int r = 0; r < 200; r++) {
            assertEquals(model[r], onnx[r][0], 1e-4 * Math.max(1, Math.abs(model[r])), "row " + r);
        }
    }

    @Test
    void aLogisticRegressionExportsItsClassProbabilities() throws Exception {
        Table wine = SharedData.table("winequality-red.csv");
        TrainedModel m = ModelBuilder.build(wine, new BuildOptions("quality", ProblemType.MULTICLASS, List.of(),
                null, 0.2, 42).withAlgorithm("sgd-linear"), ProgressMonitor.NONE);
        double[][] onnx = scoreWithSavedGraph(m, wine, 200);
        double[][] model = m.model().probabilities(wine, java.util.stream.IntStream.range(0, 200).toArray());
        // the graph's outputs follow the model's label ids; match them to the model's classes by name
        org.tribuo.ImmutableOutputInfo<?> ids = m.model().tribuoModel().getOutputIDInfo();
        for (int r = 0; r < 200; r++) {
            for (int id = 0; id < ids.size(); id++) {
                int c = m.classes().indexOf(ids.getOutput(id).toString().replaceAll("[(,].*", ""));
                assertTrue(c >= 0, ids.getOutput(id).toString());
                assertEquals(model[r][c], onnx[r][id], 1e-5, "row " + r + " class " + m.classes().get(c));
            }
        }
    }

    @Test
    void treeModelsHaveNoOnnxFile() throws Exception {
        Table wine = SharedData.table("winequality-red.csv");
        TrainedModel m = ModelBuilder.build(wine, new BuildOptions("quality", ProblemType.REGRESSION, List.of(),
                null, 0.2, 42), ProgressMonitor.NONE);
        Path folder = dir.resolve("trees");
        ModelFiles.save(m, folder);
        assertFalse(Files.exists(folder.resolve("model.onnx")));
        assertTrue(new ObjectMapper().readTree(folder.resolve("manifest.json").toFile()).path("onnx").isMissingNode());
    }

    /** Saves the model, reads the ONNX graph and its manifest entry, and evaluates it on the first rows. */
    private double[][] scoreWithSavedGraph(TrainedModel m, Table table, int rows) throws Exception {
        Path folder = dir.resolve("model");
        ModelFiles.save(m, folder);
        JsonNode entry = new ObjectMapper().readTree(folder.resolve("manifest.json").toFile()).path("onnx");
        assertEquals("model.onnx", entry.path("file").asText());
        List<String> inputs = new java.util.ArrayList<>();
        entry.path("features").forEach(n -> inputs.add(n.asText()));
        OnnxMl.GraphProto graph = OnnxMl.ModelProto.parseFrom(Files.readAllBytes(folder.resolve("model.onnx")))
                .getGraph();
        assertEquals(inputs.size(), graph.getInput(0).getType().getTensorType().getShape().getDim(1).getDimValue());
        List<String> ops = graph.getNodeList().stream().map(OnnxMl.NodeProto::getOpType).toList();
        assertEquals("Gemm", ops.get(0), ops.toString());
        OnnxMl.NodeProto gemm = graph.getNode(0);
        Map<String, OnnxMl.TensorProto> init = new HashMap<>();
        graph.getInitializerList().forEach(t -> init.put(t.getName(), t));
        float[] w = floats(init.get(gemm.getInput(1)));
        float[] b = floats(init.get(gemm.getInput(2)));
        int outputs = b.length;
        assertEquals(inputs.size() * outputs, w.length);
        boolean softmax = ops.contains("Softmax");

        List<String> names = m.model().encoder().featureNames();
        double[][] out = new double[rows][outputs];
        for (int r = 0; r < rows; r++) {
            double[] encoded = m.model().encoder().encode(table, r);
            float[] x = new float[inputs.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = inputs.get(i).equals("(constant 1)") ? 1 : (float) encoded[names.indexOf(inputs.get(i))];
            }
            double sum = 0;
            for (int o = 0; o < outputs; o++) {
                double v = b[o];
                for (int i = 0; i < x.length; i++) {
                    v += x[i] * w[i * outputs + o];
                }
                out[r][o] = softmax ? Math.exp(v) : v;
                sum += out[r][o];
            }
            for (int o = 0; softmax && o < outputs; o++) {
                out[r][o] /= sum;
            }
        }
        return out;
    }

    private static float[] floats(OnnxMl.TensorProto t) {
        if (t.getFloatDataCount() > 0) {
            float[] out = new float[t.getFloatDataCount()];
            for (int i = 0; i < out.length; i++) {
                out[i] = t.getFloatData(i);
            }
            return out;
        }
        ByteBuffer raw = t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[raw.remaining() / 4];
        raw.asFloatBuffer().get(out);
        return out;
    }
}
