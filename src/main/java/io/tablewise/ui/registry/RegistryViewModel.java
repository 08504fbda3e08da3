package io.tablewise.ui.registry;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import io.tablewise.registry.Approval;
import io.tablewise.registry.ModelRef;
import io.tablewise.registry.ModelVersion;
import io.tablewise.registry.Registry;
import io.tablewise.registry.RegistryException;
import io.tablewise.registry.RegistryLocation;
import io.tablewise.registry.VersionLineage;
import io.tablewise.ui.Messages;

/**
 * The Registry view's state: the groups, the chosen group's versions and the chosen version's history, read and
 * changed on a background thread (a registry may be a database across the network) and published through the
 * JavaFX thread. A refusal or failure becomes the message, never an exception in the user's face.
 */
public final class RegistryViewModel {
    private final Executor ui;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "registry");
        t.setDaemon(true);
        return t;
    });
    private final RegistryLocation location;
    private final ObservableList<String> groups = FXCollections.observableArrayList();
    private final ObservableList<ModelVersion> versions = FXCollections.observableArrayList();
    private final ObservableList<Approval> history = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private String group;

    /** A view model of the registry at {@code location}, reporting through {@code ui}. */
    public RegistryViewModel(RegistryLocation location, Executor ui) {
        this.location = location;
        this.ui = ui;
    }

    /** Where the registry lives. */
    public RegistryLocation location() {
        return location;
    }

    /** The model groups. */
    public ObservableList<String> groups() {
        return groups;
    }

    /** The chosen group's versions, newest first. */
    public ObservableList<ModelVersion> versions() {
        return versions;
    }

    /** The chosen version's approval history. */
    public ObservableList<Approval> history() {
        return history;
    }

    /** What the last action did, or why it could not. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** True while the registry is being read or changed. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Reads the groups again, and the chosen group's versions. */
    public void reload() {
        String keep = group;
        run(r -> {
            List<String> g = r.groups();
            List<ModelVersion> v = keep != null && g.contains(keep) ? r.versions(keep) : List.of();
            return () -> {
                groups.setAll(g);
                versions.setAll(v);
                if (g.isEmpty()) {
                    message.set(Messages.get("registry.empty", location.display()));
                }
            };
        });
    }

    /** Shows a group's versions. */
    public void chooseGroup(String name) {
        group = name;
        history.clear();
        if (name == null) {
            versions.clear();
            return;
        }
        run(r -> {
            List<ModelVersion> v = r.versions(name);
            return () -> versions.setAll(v);
        });
    }

    /** Shows a version's history. */
    public void chooseVersion(ModelVersion v) {
        if (v == null) {
            history.clear();
            return;
        }
        run(r -> {
            List<Approval> h = r.history(v.ref());
            return () -> history.setAll(h);
        });
    }

    /** Approves or rejects a version with a comment. */
    public void setStatus(ModelVersion v, String status, String comment) {
        change(r -> {
            r.setStatus(v.ref(), status, comment);
            return Messages.get("registry.statusSet", v.ref().toString(), Messages.get("registry.status." + status));
        }, v);
    }

    /** Points an alias of the version's group at it. */
    public void setAlias(ModelVersion v, String alias) {
        change(r -> {
            r.setAlias(v.ref(), alias.strip());
            return Messages.get("registry.aliasSet", v.group() + "@" + alias.strip(), v.ref().toString());
        }, v);
    }

    /** The version's lineage, read on the calling thread's behalf and handed to {@code then} on the UI thread. */
    public void lineage(ModelVersion v, java.util.function.Consumer<VersionLineage> then) {
        run(r -> {
            VersionLineage l = r.lineage(v.ref());
            return () -> then.accept(l);
        });
    }

    /**
     * Where the flow that built a version is saved by default: beside the flow file it came from, whose folder its
     * data paths are relative to, as {@code GROUP-vN.flow}; else {@code ~/Tablewise/flows}.
     */
    public static java.nio.file.Path suggestedFlowFile(VersionLineage l) {
        java.nio.file.Path dir = null;
        if (l.runRecord() != null) {
            try {
                com.fasterxml.jackson.databind.JsonNode run = new com.fasterxml.jackson.databind.ObjectMapper()
                        .readTree(l.runRecord());
                if (run.path("flow").isTextual()) {
                    java.nio.file.Path parent = java.nio.file.Path.of(run.get("flow").asText()).toAbsolutePath()
                            .getParent();
                    dir = parent != null && java.nio.file.Files.isDirectory(parent) ? parent : null;
                }
            } catch (java.io.IOException | java.nio.file.InvalidPathException e) {
                dir = null; // a record from elsewhere: the default folder
            }
        }
        if (dir == null) {
            dir = java.nio.file.Path.of(System.getProperty("user.home"), "Tablewise", "flows");
        }
        String name = l.version().group().replaceAll("[\\\\/:*?\"<>|]", "_") + "-v" + l.version().version() + ".flow";
        return dir.resolve(name);
    }

    /**
     * Writes the flow that built a version to {@code file} (atomically, keeping a backup of a file it replaces) and
     * hands the file to {@code open}; says so when the version has no flow (built by {@code tablewise train}).
     */
    public void saveFlow(ModelVersion v, java.nio.file.Path file, java.util.function.Consumer<java.nio.file.Path> open) {
        run(r -> {
            VersionLineage l = r.lineage(v.ref());
            if (l.flow() == null) {
                String text = Messages.get("registry.noFlow", v.ref().toString());
                return () -> message.set(text);
            }
            try {
                com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
                byte[] pretty = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(json.readTree(l.flow()));
                io.tablewise.io.AtomicFiles.write(file, out -> out.write(pretty), true);
            } catch (java.io.IOException e) {
                String text = Messages.get("registry.flowNotWritten", file.toString(), String.valueOf(e.getMessage()));
                return () -> message.set(text);
            }
            String text = Messages.get("registry.flowOpened", v.ref().toString(), file.toString());
            return () -> {
                message.set(text);
                open.accept(file);
            };
        });
    }

    private interface Change {
        String apply(Registry r) throws RegistryException;
    }

    private void change(Change c, ModelVersion v) {
        run(r -> {
            String done = c.apply(r);
            List<ModelVersion> now = r.versions(v.group());
            List<Approval> h = r.history(new ModelRef(v.group(), v.version(), null));
            return () -> {
                versions.setAll(now);
                history.setAll(h);
                message.set(done);
            };
        });
    }

    private interface Read {
        Runnable apply(Registry r) throws RegistryException;
    }

    private void run(Read read) {
        busy.set(true);
        worker.execute(() -> {
            Runnable publish;
            try (Registry r = Registry.open(location)) {
                publish = read.apply(r);
            } catch (RegistryException e) {
                String text = e.getMessage();
                publish = () -> message.set(text);
            } catch (RuntimeException e) {
                String text = Messages.get("registry.failed", String.valueOf(e.getMessage()));
                publish = () -> message.set(text);
            }
            Runnable p = publish;
            ui.execute(() -> {
                p.run();
                busy.set(false);
            });
        });
    }
}
