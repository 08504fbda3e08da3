package io.tablewise.bench;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import tech.tablesaw.api.Table;

import io.tablewise.cli.TablewiseCommand;
import io.tablewise.data.csv.CsvOptions;
import io.tablewise.data.csv.DelimitedReader;
import io.tablewise.model.BuildOptions;
import io.tablewise.model.ModelBuilder;
import io.tablewise.model.ModelFiles;
import io.tablewise.node.ProgressMonitor;
import io.tablewise.registry.ModelRef;
import io.tablewise.registry.Registry;
import io.tablewise.registry.RegistryLocation;
import io.tablewise.sample.ChurnGenerator;

/**
 * The registry's costs on a SQLite registry: registering a 100-tree boosted model (the folder copied, hashed and
 * written in one transaction), loading it back (artifact hash checked, model read), and {@code tablewise registry
 * list} over 1,000 versions. Each figure is the median of the timed runs after warm-ups. Arguments: the number of
 * versions for the listing (default 1000).
 */
public final class RegistryBenchmark {
    private RegistryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int versions = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        Path out = Files.createTempDirectory("tablewise-registry-bench");
        Path csv = out.resolve("customers.csv");
        ChurnGenerator.write(csv, 6000, 7);
        Table t = new DelimitedReader().read(csv, CsvOptions.defaults(), ProgressMonitor.NONE).table();
        Path model = out.resolve("model");
        // the quick build's boosted trees: 100 trees of depth 6
        ModelFiles.save(ModelBuilder.build(t, new BuildOptions("churned", null, List.of("customer_id"), null, 0.2, 42),
                ProgressMonitor.NONE), model);
        long bytes;
        try (var s = Files.walk(model)) {
            bytes = s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
        RegistryLocation where = RegistryLocation.folder(out.resolve("registry"));
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"work", "median s", "min s", "max s", "note"});
        try (Registry r = Registry.open(where)) {
            int[] n = {0};
            double[] register = BenchTables.time(5, () -> {
                // a new group each time: the same content is stored once, so this times the copy of a new artifact
                // only the first time; later ones time hashing, the transaction and the row
                r.register(model, Registry.Registration.of("bench" + n[0]++));
                return 0;
            });
            rows.add(BenchTables.row("register a 100-tree model", register, String.format(Locale.ROOT,
                    "%,d bytes of model folder", bytes)));
            double[] load = BenchTables.time(5, () -> {
                r.load(ModelRef.parse("bench0:1"));
                return 0;
            });
            rows.add(BenchTables.row("load it by reference (hash checked)", load, ""));
            for (int i = 0; i < versions; i++) {
                r.register(model, new Registry.Registration("churn", "version " + i, List.of(), "pending", null,
                        null, null));
            }
        }
        double[] list = BenchTables.time(5, () -> {
            StringWriter sink = new StringWriter();
            return TablewiseCommand.execute(new String[] {"registry", "list", "--registry", where.display()},
                    new PrintWriter(sink), new PrintWriter(sink));
        });
        rows.add(BenchTables.row(String.format(Locale.ROOT, "registry list over %,d versions", versions + 7), list,
                "the whole command, in this JVM"));
        BenchTables.print(rows);
    }
}
