package io.tablewise;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The dependency rules of the architecture notes, each with the reason it exists. */
@AnalyzeClasses(packages = "io.tablewise", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule ONLY_THE_UI_TOUCHES_JAVAFX = noClasses()
            .that().resideOutsideOfPackage("io.tablewise.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "org.jfree.chart.fx..")
            .because("the engine and the CLI must run headless, on a server or in CI, without JavaFX");

    @ArchTest
    static final ArchRule FLOW_MODEL_STANDS_ALONE = noClasses()
            .that().resideInAnyPackage("io.tablewise.flow..")
            .should().dependOnClassesThat().resideInAnyPackage("io.tablewise.node..", "io.tablewise.engine..",
                    "io.tablewise.data..", "io.tablewise.cli..", "io.tablewise.ui..")
            .because("the file format must be readable by every tool (and future versions) without the engine");

    @ArchTest
    static final ArchRule CATALOGUE_KNOWS_ONLY_THE_SPI = noClasses()
            .that().resideInAnyPackage("io.tablewise.data..", "io.tablewise.insights..", "io.tablewise.transform..",
                    "io.tablewise.ml..", "io.tablewise.evaluate..")
            .should().dependOnClassesThat().resideInAnyPackage("io.tablewise.engine..", "io.tablewise.cli..",
                    "io.tablewise.ui..")
            .because("nodes plug into any executor (local, a scoring endpoint, Spark later) through the node SPI only");

    @ArchTest
    static final ArchRule SPI_DOES_NOT_KNOW_ITS_IMPLEMENTATIONS = noClasses()
            .that().resideInAPackage("io.tablewise.node")
            .should().dependOnClassesThat().resideInAnyPackage("io.tablewise.engine..", "io.tablewise.data..",
                    "io.tablewise.cli..", "io.tablewise.ui..")
            .because("the SPI is the stable contract; only the registry composes concrete nodes");

    @ArchTest
    static final ArchRule ENGINE_IS_FACE_INDEPENDENT = noClasses()
            .that().resideInAPackage("io.tablewise.engine..")
            .should().dependOnClassesThat().resideInAnyPackage("io.tablewise.cli..", "io.tablewise.ui..")
            .because("the GUI and the CLI are two thin faces over one engine and must give the same numbers");

    @ArchTest
    static final ArchRule REGISTRY_SERVES_EVERY_FACE = noClasses()
            .that().resideInAnyPackage("io.tablewise.registry..", "io.tablewise.pipeline..")
            .should().dependOnClassesThat().resideInAnyPackage("io.tablewise.cli..", "io.tablewise.ui..",
                    "io.tablewise.engine..")
            .because("the registry is the source of truth for the studio, the CLI, the endpoint and the monitor, and "
                    + "its nodes and the pipeline steps plug into any executor through the node SPI");

    @ArchTest
    static final ArchRule ENDPOINT_IS_A_FACE = noClasses()
            .that().resideInAPackage("io.tablewise.serve..")
            .should().dependOnClassesThat().resideInAnyPackage("io.tablewise.cli..", "io.tablewise.ui..",
                    "io.tablewise.engine..")
            .because("the endpoint is a face over the model code and the registry, like the CLI and the studio; it "
                    + "scores with the same Predictor, so its answers equal a flow's");

    @ArchTest
    static final ArchRule NOTHING_BELOW_DEPENDS_ON_THE_ENDPOINT = noClasses()
            .that().resideInAnyPackage("io.tablewise.engine..", "io.tablewise.model..", "io.tablewise.ml..",
                    "io.tablewise.transform..", "io.tablewise.registry..", "io.tablewise.pipeline..",
                    "io.tablewise.capture..")
            .should().dependOnClassesThat().resideInAPackage("io.tablewise.serve..")
            .because("the endpoint uses the engine, never the other way round");

    @ArchTest
    static final ArchRule CAPTURE_FORMAT_STANDS_ALONE = noClasses()
            .that().resideInAPackage("io.tablewise.capture..")
            .should().dependOnClassesThat().resideInAnyPackage("io.tablewise.cli..", "io.tablewise.ui..",
                    "io.tablewise.engine..", "io.tablewise.model..", "io.tablewise.ml..", "io.tablewise.registry..",
                    "io.tablewise.data..", "io.tablewise.transform..", "io.tablewise.node..")
            .because("the capture file format is shared by the endpoint that writes it and the monitor and A/B "
                    + "report that read it; it depends on nothing of theirs");

    @ArchTest
    static final ArchRule EXPLANATIONS_ARE_ALGORITHMS = noClasses()
            .that().resideInAPackage("io.tablewise.explain..")
            .should().dependOnClassesThat().resideInAnyPackage("io.tablewise.model..", "io.tablewise.ui..",
                    "io.tablewise.cli..", "io.tablewise.engine..", "io.tablewise.serve..", "io.tablewise.registry..",
                    "io.tablewise.node..")
            .because("SHAP values, partial dependence and bias metrics are plain algorithms over the ml package's "
                    + "models and plain records; the model package composes them at build time (a model keeps its "
                    + "explanation), so they must not depend back on it, and every face shows the same numbers");

    @ArchTest
    static final ArchRule MONITOR_IS_STATISTICS = noClasses()
            .that().resideInAPackage("io.tablewise.monitor..")
            .should().dependOnClassesThat().resideInAnyPackage("io.tablewise.model..", "io.tablewise.ui..",
                    "io.tablewise.cli..", "io.tablewise.engine..", "io.tablewise.serve..", "io.tablewise.node..")
            .because("baselines, constraints and drift checks are plain statistics over tables; the model package "
                    + "keeps a baseline at build time and scores batches for them, and the endpoint's server code is "
                    + "never needed to monitor its captured rows");

    @ArchTest
    static final ArchRule ANOMALIES_NEED_NO_MODEL = noClasses()
            .that().resideInAnyPackage("io.tablewise.anomaly..", "io.tablewise.forecast..")
            .should().dependOnClassesThat().resideInAnyPackage("io.tablewise.model..", "io.tablewise.ui..",
                    "io.tablewise.cli..", "io.tablewise.engine..", "io.tablewise.serve..")
            .because("anomaly detection and forecasting are algorithms over a table, shown by their nodes, the "
                    + "command line and the studio alike");

    @ArchTest
    static final ArchRule NOTHING_HERE_NEEDS_SPARK = noClasses()
            .that().resideInAPackage("io.tablewise..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.spark..", "scala..",
                    "io.tablewise.spark..")
            .because("the Spark engine (src/spark) depends on this engine, never the other way round: the studio "
                    + "and the command line find it with a service loader when its jar is there");

    @ArchTest
    static final ArchRule DATA_SOURCES_KNOW_NO_FACES = noClasses()
            .that().resideInAnyPackage("io.tablewise.data.db..", "io.tablewise.data.parquet..")
            .should().dependOnClassesThat().resideInAnyPackage("io.tablewise.ui..", "io.tablewise.cli..",
                    "io.tablewise.serve..", "io.tablewise.model..")
            .because("databases and Parquet are sources and targets of tables for every face; the studio's "
                    + "connections dialog and the command line are built on them, not the other way round");
}
