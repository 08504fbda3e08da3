package io.tablewise.registry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tablewise.model.ModelFiles;
import io.tablewise.model.TrainedModel;
import io.tablewise.node.ColumnSchema;

/**
 * A model registry: groups of numbered, immutable versions with approval history and aliases, in one database
 * (SQLite or PostgreSQL, the same statements) beside a content-addressed artifact folder. Each write is one
 * transaction: a version appears whole or not at all. Two processes registering into one group at once get distinct
 * numbers (the primary key refuses a duplicate, and the loser takes the next one).
 */
public final class Registry implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ARTIFACTS = "artifacts";
    private static final int ATTEMPTS = 20;

    private final RegistryLocation location;
    private final Connection connection;
    private final Artifacts artifacts;

    private Registry(RegistryLocation location, Connection connection, Artifacts artifacts) {
        this.location = location;
        this.connection = connection;
        this.artifacts = artifacts;
    }

    /**
     * Opens (and creates, or migrates) a registry.
     *
     * @param artifactsForNewDatabase a PostgreSQL registry's shared artifact folder, recorded the first time; later
     *     opens read it from the database (null then). Ignored for SQLite, whose artifacts lie beside the file.
     */
    public static Registry open(RegistryLocation location, Path artifactsForNewDatabase) throws RegistryException {
        Connection c = null;
        try {
            if (!location.postgres()) {
                Files.createDirectories(location.folder());
            }
            c = DriverManager.getConnection(location.jdbcUrl(), location.properties());
            RegistrySchema.migrate(c, location.display(), location.postgres());
            Path root = location.postgres() ? artifactRoot(c, location, artifactsForNewDatabase)
                    : location.folder().resolve(ARTIFACTS);
            return new Registry(location, c, new Artifacts(root));
        } catch (SQLException | IOException e) {
            close(c);
            throw RegistryException.failure("cannot open the registry " + location.display() + ": "
                    + describe(e), e);
        } catch (RegistryException e) {
            close(c);
            throw e;
        }
    }

    /** Opens a SQLite registry, or a PostgreSQL one whose artifact folder is already recorded. */
    public static Registry open(RegistryLocation location) throws RegistryException {
        return open(location, null);
    }

    private static Path artifactRoot(Connection c, RegistryLocation location, Path given)
            throws SQLException, RegistryException {
        String stored = setting(c, "artifacts");
        if (stored != null) {
            return Path.of(stored);
        }
        if (given == null) {
            throw RegistryException.usage("the registry " + location.display() + " is new: give the shared folder "
                    + "for its model files once with --artifacts DIR (every user of the registry must reach it)");
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO registry_settings (name, value) VALUES (?, ?)")) {
            s.setString(1, "artifacts");
            s.setString(2, given.toAbsolutePath().normalize().toString());
            s.executeUpdate();
        }
        return given.toAbsolutePath().normalize();
    }

    private static String setting(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT value FROM registry_settings WHERE name = ?")) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }

    /** Where this registry lives. */
    public RegistryLocation location() {
        return location;
    }

    /** The artifact folder. */
    public Path artifactRoot() {
        return artifacts.root();
    }

    // ---- registering ----

    /**
     * What to register besides the model folder.
     *
     * @param group the model group (created on first use)
     * @param description free text
     * @param tags free labels
     * @param status the initial status (pending by default)
     * @param alias an alias to point at the new version, or null
     * @param runRecord the run record's JSON, or null
     * @param flow the flow file's JSON, or null
     */
    public record Registration(String group, String description, List<String> tags, String status, String alias,
                               String runRecord, String flow) {
        /** A pending registration with nothing else. */
        public static Registration of(String group) {
            return new Registration(group, "", List.of(), "pending", null, null, null);
        }
    }

    /**
     * Registers a model folder as the group's next version: the folder is loaded (so a damaged one is refused),
     * copied into the artifact folder by content, then the version row, its first approval entry and the alias are
     * written in one transaction.
     */
    public ModelVersion register(Path modelDir, Registration r) throws RegistryException {
        checkName("group", r.group());
        if (r.alias() != null) {
            checkName("alias", r.alias());
        }
        String status = r.status() == null ? "pending" : r.status();
        if (!ModelVersion.STATUSES.contains(status)) {
            throw RegistryException.usage("the status must be one of " + ModelVersion.STATUSES + ", not '" + status
                    + "'");
        }
        if (r.alias() != null && status.equals("rejected")) {
            throw RegistryException.usage("a rejected version cannot hold the alias '" + r.alias() + "'");
        }
        TrainedModel model;
        try {
            model = ModelFiles.load(modelDir);
        } catch (IOException e) {
            throw RegistryException.usage("cannot register " + modelDir + ": " + e.getMessage());
        }
        String hash;
        try {
            hash = artifacts.store(modelDir);
        } catch (IOException e) {
            throw RegistryException.failure("cannot copy " + modelDir + " into " + artifacts.root() + ": "
                    + describe(e), e);
        }
        String who = user();
        for (int attempt = 1; ; attempt++) {
            int created;
            try {
                created = transaction(() -> {
                    String now = now();
                    ensureGroup(r.group(), who, now);
                    int version = nextVersion(r.group());
                    try (PreparedStatement s = connection.prepareStatement("INSERT INTO model_versions (group_name, "
                            + "version, artifact, problem_type, target, metrics, inputs, settings, data_fingerprint, "
                            + "run_record, flow, created_by, created_at, description, tags, status) VALUES (?, ?, ?, ?,"
                            + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                        s.setString(1, r.group());
                        s.setInt(2, version);
                        s.setString(3, hash);
                        s.setString(4, model.problemType().name().toLowerCase(java.util.Locale.ROOT));
                        s.setString(5, model.target());
                        s.setString(6, json(metrics(model)));
                        s.setString(7, json(inputs(model)));
                        s.setString(8, json(model.settings()));
                        s.setString(9, model.info().get("dataFingerprint") == null ? null
                                : String.valueOf(model.info().get("dataFingerprint")));
                        s.setString(10, r.runRecord());
                        s.setString(11, r.flow());
                        s.setString(12, who);
                        s.setString(13, now);
                        s.setString(14, r.description() == null ? "" : r.description());
                        s.setString(15, json(r.tags() == null ? List.of() : r.tags()));
                        s.setString(16, status);
                        s.executeUpdate();
                    }
                    addApproval(r.group(), version, status, who, now, "registered");
                    if (r.alias() != null) {
                        putAlias(r.group(), r.alias(), version, who, now);
                    }
                    return version;
                });
            } catch (SQLException e) {
                if (attempt < ATTEMPTS && duplicate(e)) {
                    continue; // another process took this number: take the next
                }
                throw RegistryException.failure("cannot register into " + r.group() + " in " + location + ": "
                        + describe(e), e);
            }
            return version(new ModelRef(r.group(), created, null));
        }
    }

    private void ensureGroup(String group, String who, String now) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT 1 FROM model_groups WHERE name = ?")) {
            s.setString(1, group);
            try (ResultSet r = s.executeQuery()) {
                if (r.next()) {
                    return;
                }
            }
        }
        try (PreparedStatement s = connection.prepareStatement("INSERT INTO model_groups (name, created_by, "
                + "created_at) VALUES (?, ?, ?)")) {
            s.setString(1, group);
            s.setString(2, who);
            s.setString(3, now);
            s.executeUpdate();
        }
    }

    private int nextVersion(String group) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT MAX(version) FROM model_versions WHERE "
                + "group_name = ?")) {
            s.setString(1, group);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getInt(1) + 1 : 1;
            }
        }
    }

    private void addApproval(String group, int version, String status, String who, String now, String comment)
            throws SQLException {
        int seq;
        try (PreparedStatement s = connection.prepareStatement("SELECT MAX(seq) FROM approvals WHERE group_name = ? "
                + "AND version = ?")) {
            s.setString(1, group);
            s.setInt(2, version);
            try (ResultSet r = s.executeQuery()) {
                seq = r.next() ? r.getInt(1) + 1 : 1;
            }
        }
        try (PreparedStatement s = connection.prepareStatement("INSERT INTO approvals (group_name, version, seq, "
                + "status, changed_by, changed_at, comment) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, group);
            s.setInt(2, version);
            s.setInt(3, seq);
            s.setString(4, status);
            s.setString(5, who);
            s.setString(6, now);
            s.setString(7, comment == null ? "" : comment);
            s.executeUpdate();
        }
    }

    private void putAlias(String group, String alias, int version, String who, String now) throws SQLException {
        try (PreparedStatement d = connection.prepareStatement("DELETE FROM aliases WHERE group_name = ? AND "
                + "alias = ?")) {
            d.setString(1, group);
            d.setString(2, alias);
            d.executeUpdate();
        }
        try (PreparedStatement s = connection.prepareStatement("INSERT INTO aliases (group_name, alias, version, "
                + "set_by, set_at) VALUES (?, ?, ?, ?, ?)")) {
            s.setString(1, group);
            s.setString(2, alias);
            s.setInt(3, version);
            s.setString(4, who);
            s.setString(5, now);
            s.executeUpdate();
        }
    }

    // ---- reading ----

    /** The groups, by name. */
    public List<String> groups() throws RegistryException {
        return query("list the groups of", () -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement s = connection.prepareStatement("SELECT name FROM model_groups ORDER BY name");
                 ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(r.getString(1));
                }
            }
            return out;
        });
    }

    /** A group's versions, newest first. */
    public List<ModelVersion> versions(String group) throws RegistryException {
        List<ModelVersion> out = query("list the versions of " + group + " in", () -> select("WHERE group_name = ? "
                + "ORDER BY version DESC", group));
        if (out.isEmpty() && !groups().contains(group)) {
            throw unknownGroup(group);
        }
        return out;
    }

    /** Every version of every group: by group, newest first. */
    public List<ModelVersion> all() throws RegistryException {
        return query("list", () -> select("ORDER BY group_name, version DESC"));
    }

    /**
     * The version a reference names.
     *
     * @throws RegistryException (usage) naming the reference when there is no such group, version or alias
     */
    public ModelVersion version(ModelRef ref) throws RegistryException {
        List<ModelVersion> found = query("read " + ref + " from", () -> {
            if (ref.alias() == null) {
                return select("WHERE group_name = ? AND version = ?", ref.group(), ref.version());
            }
            if (ref.alias().equals(ModelRef.LATEST)) {
                return select("WHERE group_name = ? ORDER BY version DESC LIMIT 1", ref.group());
            }
            if (ref.alias().equals(ModelRef.LATEST_APPROVED)) {
                return select("WHERE group_name = ? AND status = 'approved' ORDER BY version DESC LIMIT 1",
                        ref.group());
            }
            return select("WHERE group_name = ? AND version = (SELECT version FROM aliases WHERE group_name = ? AND "
                    + "alias = ?)", ref.group(), ref.group(), ref.alias());
        });
        if (!found.isEmpty()) {
            return found.get(0);
        }
        if (!groups().contains(ref.group())) {
            throw unknownGroup(ref.group());
        }
        String what = ref.alias() == null ? "no version " + ref.version()
                : ref.alias().equals(ModelRef.LATEST_APPROVED) ? "no approved version"
                : "no version with the alias '" + ref.alias() + "'";
        throw RegistryException.usage(ref + ": the group '" + ref.group() + "' in " + location + " has " + what
                + " (" + io.tablewise.node.Plural.of(versions(ref.group()).size(), "version")
                + "; see 'tablewise registry list "
                + ref.group() + "')");
    }

    /** A version's approval history, oldest first. */
    public List<Approval> history(ModelRef ref) throws RegistryException {
        ModelVersion v = version(ref);
        return query("read the history of " + ref + " in", () -> {
            List<Approval> out = new ArrayList<>();
            try (PreparedStatement s = connection.prepareStatement("SELECT status, changed_by, changed_at, comment "
                    + "FROM approvals WHERE group_name = ? AND version = ? ORDER BY seq")) {
                s.setString(1, v.group());
                s.setInt(2, v.version());
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(new Approval(r.getString(1), r.getString(2), r.getString(3), r.getString(4)));
                    }
                }
            }
            return out;
        });
    }

    /**
     * The versions registered from each run: run id to the references ({@code churn:3}) whose run record names it,
     * oldest first. Versions registered without a run record are left out.
     */
    public Map<String, List<String>> versionsByRun() throws RegistryException {
        return query("read the run records in", () -> {
            Map<String, List<String>> out = new java.util.LinkedHashMap<>();
            com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
            try (PreparedStatement s = connection.prepareStatement("SELECT group_name, version, run_record FROM "
                    + "model_versions WHERE run_record IS NOT NULL ORDER BY group_name, version");
                 ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String runId;
                    try {
                        runId = json.readTree(r.getString(3)).path("runId").asText("");
                    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                        continue; // a record that is not JSON names no run
                    }
                    if (!runId.isEmpty()) {
                        out.computeIfAbsent(runId, k -> new ArrayList<>()).add(r.getString(1) + ":" + r.getInt(2));
                    }
                }
            }
            return out;
        });
    }

    /** How a version was made: its run record and flow, as registered. */
    public VersionLineage lineage(ModelRef ref) throws RegistryException {
        ModelVersion v = version(ref);
        return query("read the lineage of " + ref + " in", () -> {
            try (PreparedStatement s = connection.prepareStatement("SELECT run_record, flow FROM model_versions "
                    + "WHERE group_name = ? AND version = ?")) {
                s.setString(1, v.group());
                s.setInt(2, v.version());
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return new VersionLineage(v, r.getString(1), r.getString(2));
                }
            }
        });
    }

    /**
     * The version's model folder in the artifact folder, its content checked against its hash.
     *
     * @throws RegistryException (failure) when the artifact is missing or was tampered with
     */
    public Path folder(ModelRef ref) throws RegistryException {
        ModelVersion v = version(ref);
        try {
            return artifacts.verified(v.artifact());
        } catch (IOException e) {
            throw RegistryException.failure(v.ref() + " in " + location + " cannot be used: " + e.getMessage()
                    + "; register the model again", e);
        }
    }

    /** Loads the version's model, its artifact checked first. */
    public TrainedModel load(ModelRef ref) throws RegistryException {
        Path dir = folder(ref);
        try {
            return ModelFiles.load(dir);
        } catch (IOException e) {
            throw RegistryException.failure(ref + " in " + location + ": " + e.getMessage(), e);
        }
    }

    /**
     * Copies a version's model folder (checked first) to a new folder: written under a temporary name beside it and
     * renamed, so the target is whole or absent.
     */
    public ModelVersion export(ModelRef ref, Path target) throws RegistryException {
        ModelVersion v = version(ref);
        Path from = folder(ref);
        if (Files.exists(target)) {
            throw RegistryException.usage(target + " exists: give a new folder for the export of " + v.ref());
        }
        Path temp = target.resolveSibling(target.getFileName() + ".partial-" + java.util.UUID.randomUUID());
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            io.tablewise.io.Folders.copyTree(from, temp);
            Files.move(temp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw RegistryException.failure("cannot export " + v.ref() + " to " + target + ": " + describe(e), e);
        } finally {
            try {
                io.tablewise.io.Folders.deleteTree(temp);
            } catch (IOException ignored) {
                // a left-over partial folder is named as such
            }
        }
        return v;
    }

    // ---- approval and aliases ----

    /** Sets a version's status with a comment; rejecting it removes its aliases (a rejected model must not serve). */
    public ModelVersion setStatus(ModelRef ref, String status, String comment) throws RegistryException {
        if (!ModelVersion.STATUSES.contains(status)) {
            throw RegistryException.usage("the status must be one of " + ModelVersion.STATUSES + ", not '" + status
                    + "'");
        }
        ModelVersion v = version(ref);
        write("change the status of " + v.ref() + " in", () -> {
            try (PreparedStatement s = connection.prepareStatement("UPDATE model_versions SET status = ? WHERE "
                    + "group_name = ? AND version = ?")) {
                s.setString(1, status);
                s.setString(2, v.group());
                s.setInt(3, v.version());
                s.executeUpdate();
            }
            addApproval(v.group(), v.version(), status, user(), now(), comment);
            if (status.equals("rejected")) {
                try (PreparedStatement d = connection.prepareStatement("DELETE FROM aliases WHERE group_name = ? AND "
                        + "version = ?")) {
                    d.setString(1, v.group());
                    d.setInt(2, v.version());
                    d.executeUpdate();
                }
            }
            return null;
        });
        return version(v.ref());
    }

    /** Points an alias of the group at a version (moving it from another); a rejected version is refused. */
    public ModelVersion setAlias(ModelRef ref, String alias) throws RegistryException {
        checkName("alias", alias);
        if (alias.equals(ModelRef.LATEST) || alias.equals(ModelRef.LATEST_APPROVED)) {
            throw RegistryException.usage("'" + alias + "' is kept by the registry itself; choose another alias");
        }
        ModelVersion v = version(ref);
        if (v.status().equals("rejected")) {
            throw RegistryException.usage(v.ref() + " is rejected: it cannot hold the alias '" + alias
                    + "' (approve it first, or choose another version)");
        }
        write("set the alias " + alias + " in", () -> {
            putAlias(v.group(), alias, v.version(), user(), now());
            return null;
        });
        return version(v.ref());
    }

    // ---- plumbing ----

    private List<ModelVersion> select(String where, Object... args) throws SQLException {
        List<ModelVersion> out = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement("SELECT group_name, version, artifact, problem_type, "
                + "target, metrics, inputs, settings, data_fingerprint, created_by, created_at, description, tags, "
                + "status FROM model_versions " + where)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new ModelVersion(r.getString(1), r.getInt(2), r.getString(3), r.getString(4),
                            r.getString(5), read(r.getString(6), new TypeReference<Map<String, Double>>() { }),
                            read(r.getString(7), new TypeReference<List<Map<String, Object>>>() { }),
                            read(r.getString(8), new TypeReference<Map<String, Object>>() { }), r.getString(9),
                            r.getString(10), r.getString(11), r.getString(12),
                            read(r.getString(13), new TypeReference<List<String>>() { }), r.getString(14),
                            aliases(r.getString(1), r.getInt(2))));
                }
            }
        }
        return out;
    }

    private List<String> aliases(String group, int version) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement("SELECT alias FROM aliases WHERE group_name = ? AND "
                + "version = ? ORDER BY alias")) {
            s.setString(1, group);
            s.setInt(2, version);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(r.getString(1));
                }
            }
        }
        return out;
    }

    private interface Work<T> {
        T run() throws SQLException;
    }

    private <T> T query(String what, Work<T> work) throws RegistryException {
        try {
            return work.run();
        } catch (SQLException e) {
            throw RegistryException.failure("cannot " + what + " the registry " + location + ": " + describe(e), e);
        }
    }

    private <T> T write(String what, Work<T> work) throws RegistryException {
        try {
            return transaction(work);
        } catch (SQLException e) {
            throw RegistryException.failure("cannot " + what + " the registry " + location + ": " + describe(e), e);
        }
    }

    private <T> T transaction(Work<T> work) throws SQLException {
        connection.setAutoCommit(false);
        try {
            T out = work.run();
            connection.commit();
            return out;
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        } finally {
            try {
                connection.setAutoCommit(true);
            } catch (SQLException ignored) {
                // the connection is gone; the next call says so
            }
        }
    }

    private static boolean duplicate(SQLException e) {
        String state = e.getSQLState();
        String text = String.valueOf(e.getMessage());
        return "23505".equals(state) || text.contains("SQLITE_CONSTRAINT_PRIMARYKEY")
                || text.contains("UNIQUE constraint failed");
    }

    /** A database error in words: SQLite's busy and read-only states say what to do. */
    static String describe(Exception e) {
        String text = String.valueOf(e.getMessage());
        if (text.contains("SQLITE_BUSY") || text.contains("database is locked")) {
            return "the database is locked by another program (waited " + java.math.BigDecimal.valueOf(
                    RegistryLocation.busyMillis(), 3).stripTrailingZeros().toPlainString() + " s); close it and try "
                    + "again";
        }
        if (text.contains("SQLITE_READONLY") || text.contains("readonly") || text.contains("read-only")) {
            return "the database is read-only here; choose a registry you may write to";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "no permission to write " + text;
        }
        return text;
    }

    private static void checkName(String what, String name) throws RegistryException {
        if (!ModelRef.validName(name)) {
            throw RegistryException.usage("'" + name + "' is not a valid " + what + " name: use letters, digits, "
                    + "'_', '.' and '-' (at most 100, starting with a letter or digit)");
        }
    }

    private RegistryException unknownGroup(String group) throws RegistryException {
        List<String> known = groups();
        return RegistryException.usage("the registry " + location + " has no model group '" + group + "'"
                + (known.isEmpty() ? " (it is empty)" : "; its groups: " + String.join(", ", known)));
    }

    private static Map<String, Double> metrics(TrainedModel m) {
        Map<String, Double> out = new LinkedHashMap<>();
        m.evaluation().metrics().forEach((k, v) -> out.put(k, Double.isNaN(v) ? null : v));
        return out;
    }

    private static List<Map<String, Object>> inputs(TrainedModel m) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ColumnSchema c : m.inputs()) {
            Map<String, Object> col = new LinkedHashMap<>();
            col.put("name", c.name());
            col.put("kind", c.kind().name().toLowerCase(java.util.Locale.ROOT));
            out.add(col);
        }
        return out;
    }

    private static String json(Object o) throws SQLException {
        try {
            return JSON.writeValueAsString(o);
        } catch (IOException e) {
            throw new SQLException("cannot write " + o + " as JSON", e);
        }
    }

    private static <T> T read(String text, TypeReference<T> type) throws SQLException {
        try {
            return JSON.readValue(text, type);
        } catch (IOException e) {
            throw new SQLException("a registry row holds unreadable JSON: " + e.getMessage(), e);
        }
    }

    private static String user() {
        return System.getProperty("user.name", "unknown");
    }

    private static String now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
    }

    private static void close(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // nothing more to say than the error that brought us here
            }
        }
    }

    @Override
    public void close() {
        close(connection);
    }
}
