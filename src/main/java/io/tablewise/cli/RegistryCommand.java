package io.tablewise.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import io.tablewise.registry.Approval;
import io.tablewise.registry.ModelRef;
import io.tablewise.registry.ModelVersion;
import io.tablewise.registry.Registry;
import io.tablewise.registry.RegistryException;
import io.tablewise.registry.RegistryLocation;
import io.tablewise.registry.VersionComparison;
import io.tablewise.registry.VersionLineage;

/** {@code tablewise registry ...}: model groups, versions, approval, aliases and lineage. */
@Command(name = "registry", mixinStandardHelpOptions = true,
        description = "The model registry: register model folders as numbered versions of a group, approve or "
                + "reject them, point aliases (champion, challenger) at them, compare, export and trace them.",
        subcommands = {RegistryCommand.ListVersions.class, RegistryCommand.Show.class, RegistryCommand.Register.class,
            RegistryCommand.Approve.class, RegistryCommand.Reject.class, RegistryCommand.Alias.class,
            RegistryCommand.Compare.class, RegistryCommand.Export.class, RegistryCommand.LineageOf.class})
final class RegistryCommand implements Runnable {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The {@code --registry} option every subcommand takes. */
    static final class Where {
        @Option(names = "--registry", paramLabel = "PATH|CONNECTION|JDBC_URL",
                description = "The registry: a folder (holding "
                + "registry.db and artifacts/) or jdbc:postgresql://HOST/DB (password in TABLEWISE_REGISTRY_PASSWORD)."
                + " Default: ~/Tablewise/registry.")
        String registry;

        @Option(names = "--artifacts", paramLabel = "DIR", description = "A new PostgreSQL registry's shared folder "
                + "for model files (given once; recorded in the database).")
        Path artifacts;

        Registry open() throws RegistryException {
            return Registry.open(RegistryLocation.of(registry, Path.of("")), artifacts);
        }
    }

    /** The shared body of the subcommands: open, do, report a refusal or failure with its exit code. */
    abstract static class Sub implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        Where where = new Where();

        abstract void call(Registry r, PrintWriter out) throws Exception;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try (Registry r = where.open()) {
                call(r, out);
                out.flush();
                return ExitCodes.OK;
            } catch (RegistryException e) {
                err.println("error: " + e.getMessage());
                return e.isUsage() ? ExitCodes.INVALID : ExitCodes.NODE_FAILED;
            } catch (IllegalArgumentException e) {
                err.println("error: " + e.getMessage());
                return ExitCodes.INVALID;
            }
        }
    }

    @Command(name = "list", description = "The groups with their versions, or one group's versions (newest first).")
    static final class ListVersions extends Sub {
        @Parameters(arity = "0..1", paramLabel = "GROUP")
        String group;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        void call(Registry r, PrintWriter out) throws Exception {
            List<ModelVersion> versions = group == null ? r.all() : r.versions(group);
            if (json) {
                out.println(JSON.writeValueAsString(versions));
                return;
            }
            if (versions.isEmpty()) {
                out.println("the registry " + r.location() + " holds no models yet; add one with 'tablewise "
                        + "registry register MODEL_DIR --group NAME'");
                return;
            }
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"model", "status", "aliases", "problem", "target", "metric", "registered", "by"});
            for (ModelVersion v : versions) {
                rows.add(new String[] {v.ref().toString(), v.status(), String.join(",", v.aliases()),
                    v.problemType(), v.target(), v.headline(), v.createdAt().replace('T', ' ').replaceAll("\\..*", ""),
                    v.createdBy()});
            }
            TextTable.print(out, rows);
        }
    }

    @Command(name = "show", description = "One version: metrics, settings, inputs, lineage and approval history.")
    static final class Show extends Sub {
        @Parameters(paramLabel = "GROUP:VERSION|GROUP@ALIAS")
        String ref;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        void call(Registry r, PrintWriter out) throws Exception {
            ModelRef m = ModelRef.parse(ref);
            ModelVersion v = r.version(m);
            List<Approval> history = r.history(m);
            if (json) {
                Map<String, Object> all = new LinkedHashMap<>(JSON.convertValue(v,
                        new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() { }));
                all.put("history", history);
                out.println(JSON.writeValueAsString(all));
                return;
            }
            out.printf("%s  %s%s%n", v.ref(), v.status(), v.aliases().isEmpty() ? ""
                    : "  aliases: " + String.join(", ", v.aliases()));
            out.printf("%s model of '%s', registered %s by %s%n", v.problemType(), v.target(), v.createdAt(),
                    v.createdBy());
            if (!v.description().isEmpty()) {
                out.println("description: " + v.description());
            }
            if (!v.tags().isEmpty()) {
                out.println("tags: " + String.join(", ", v.tags()));
            }
            out.println("settings: " + v.settings());
            v.metrics().forEach((k, x) -> out.printf(Locale.ROOT, "  %-18s %s%n", k, x == null ? "" : String.format(
                    Locale.ROOT, "%.4f", x)));
            out.println("inputs: " + String.join(", ", v.inputs().stream().map(c -> c.get("name") + " ("
                    + c.get("kind") + ")").toList()));
            out.println("data fingerprint: " + v.dataFingerprint() + "; artifact sha256 " + v.artifact());
            out.println("history:");
            for (Approval a : history) {
                out.printf("  %s  %-8s by %s%s%n", a.at(), a.status(), a.by(), a.comment().isEmpty() ? ""
                        : ": " + a.comment());
            }
        }
    }

    @Command(name = "register", description = "Register a model folder (DIR/model of 'tablewise train' or an "
            + "exported folder) as the group's next version; its run record (DIR/run.json) and flow come along.")
    static final class Register extends Sub {
        @Parameters(paramLabel = "MODEL_DIR")
        Path model;

        @Option(names = "--group", required = true, paramLabel = "NAME", description = "The model group.")
        String group;

        @Option(names = "--description", defaultValue = "", description = "What this version is.")
        String description;

        @Option(names = "--tag", split = ",", paramLabel = "TAG", description = "Labels (comma separated or "
                + "repeated).")
        List<String> tags = new ArrayList<>();

        @Option(names = "--status", defaultValue = "pending", description = "pending (default), approved or "
                + "rejected.")
        String status;

        @Option(names = "--alias", paramLabel = "NAME", description = "Point this alias of the group at the new "
                + "version (e.g. challenger).")
        String alias;

        @Override
        void call(Registry r, PrintWriter out) throws Exception {
            Path dir = model.toAbsolutePath().normalize();
            String runRecord = runRecordBeside(dir);
            ModelVersion v = r.register(dir, new Registry.Registration(group, description, tags, status, alias,
                    runRecord, null)); // a folder built outside a flow: its run record is its lineage
            out.printf("registered %s (%s%s) in %s%n", v.ref(), v.status(), v.aliases().isEmpty() ? ""
                    : ", alias " + String.join(", ", v.aliases()), r.location());
            if (runRecord == null) {
                out.println("note: no run record beside the folder (run.json): the version has no lineage");
            }
        }
    }

    /** The run record {@code tablewise train} wrote beside a model folder ({@code DIR/run.json}), or null. */
    static String runRecordBeside(Path modelDir) throws java.io.IOException {
        Path run = modelDir.getParent() == null ? null : modelDir.getParent().resolve("run.json");
        return run != null && Files.isRegularFile(run) ? Files.readString(run) : null;
    }

    /** Approve and reject: a status change with a comment, kept in the version's history. */
    abstract static class StatusChange extends Sub {
        @Parameters(paramLabel = "GROUP:VERSION")
        String ref;

        @Option(names = "--comment", defaultValue = "", description = "Why.")
        String comment;

        abstract String status();

        @Override
        void call(Registry r, PrintWriter out) throws Exception {
            List<String> had = r.version(ModelRef.parse(ref)).aliases();
            ModelVersion v = r.setStatus(ModelRef.parse(ref), status(), comment);
            out.println(v.ref() + " " + status() + (v.aliases().size() < had.size() ? "; removed its aliases "
                    + String.join(", ", had) : ""));
        }
    }

    @Command(name = "approve", description = "Approve a version, with a comment.")
    static final class Approve extends StatusChange {
        @Override
        String status() {
            return "approved";
        }
    }

    @Command(name = "reject", description = "Reject a version, with a comment (its aliases are removed).")
    static final class Reject extends StatusChange {
        @Override
        String status() {
            return "rejected";
        }
    }

    @Command(name = "alias", description = "Point an alias of the group (champion, challenger, any name) at a "
            + "version; it moves from the version that held it.")
    static final class Alias extends Sub {
        @Parameters(index = "0", paramLabel = "GROUP:VERSION")
        String ref;

        @Parameters(index = "1", paramLabel = "NAME")
        String alias;

        @Override
        void call(Registry r, PrintWriter out) throws Exception {
            ModelVersion v = r.setAlias(ModelRef.parse(ref), alias);
            out.println(v.group() + "@" + alias + " is now " + v.ref());
        }
    }

    @Command(name = "compare", description = "Two versions side by side: metrics, settings, inputs and data, "
            + "differences first.")
    static final class Compare extends Sub {
        @Parameters(index = "0", paramLabel = "A")
        String a;

        @Parameters(index = "1", paramLabel = "B")
        String b;

        @Override
        void call(Registry r, PrintWriter out) throws Exception {
            ModelVersion x = r.version(ModelRef.parse(a));
            ModelVersion y = r.version(ModelRef.parse(b));
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"", x.ref().toString(), y.ref().toString(), ""});
            for (VersionComparison.Line l : VersionComparison.of(x, y)) {
                rows.add(new String[] {l.name(), l.a(), l.b(), l.differs() ? "differs" : ""});
            }
            TextTable.print(out, rows);
        }
    }

    @Command(name = "export", description = "Copy a version's model folder out (its content checked first).")
    static final class Export extends Sub {
        @Parameters(paramLabel = "GROUP:VERSION|GROUP@ALIAS")
        String ref;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "The new model folder (must not "
                + "exist yet).")
        Path target;

        @Override
        void call(Registry r, PrintWriter out) throws Exception {
            ModelVersion v = r.export(ModelRef.parse(ref), target.toAbsolutePath().normalize());
            out.println("exported " + v.ref() + " to " + target);
        }
    }

    @Command(name = "lineage", description = "How a version was made: the run record and the flow that built it.")
    static final class LineageOf extends Sub {
        @Parameters(paramLabel = "GROUP:VERSION|GROUP@ALIAS")
        String ref;

        @Option(names = "--flow-out", paramLabel = "FILE", description = "Write the flow that built it to FILE.")
        Path flowOut;

        @Override
        void call(Registry r, PrintWriter out) throws Exception {
            VersionLineage l = r.lineage(ModelRef.parse(ref));
            out.println(l.version().ref() + ": data fingerprint " + l.version().dataFingerprint());
            if (l.runRecord() == null) {
                out.println("no run record was registered with it");
            } else {
                out.println("run record:");
                out.println(JSON.writeValueAsString(JSON.readTree(l.runRecord())));
            }
            if (l.flow() == null) {
                out.println("no flow was registered with it (built by 'tablewise train', or registered without its "
                        + "record)");
            } else if (flowOut != null) {
                Files.writeString(flowOut, JSON.writeValueAsString(JSON.readTree(l.flow())));
                out.println("wrote the flow that built it to " + flowOut);
            } else {
                out.println("flow: kept (write it out with --flow-out FILE)");
            }
        }
    }
}
