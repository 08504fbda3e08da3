package io.tablewise.ui.inspector;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.tablewise.data.db.ConnectionSpec;
import io.tablewise.data.db.Connections;
import io.tablewise.data.db.DatabaseReader;
import io.tablewise.data.db.Dialect;
import io.tablewise.registry.ModelVersion;
import io.tablewise.registry.Registry;
import io.tablewise.registry.RegistryLocation;

/**
 * What a text parameter that names something on this computer may be: a registered model for {@code model.load}
 * (its aliases and versions), a saved database connection, a local database file's tables, the built-in holiday
 * calendars. Only local sources are
 * read (a registry folder that exists, the connections file, a SQLite or DuckDB file), so the inspector stays
 * instant; a server's lists come from the connections dialog instead.
 */
final class ParamSuggestions {
    /** The suggestions for parameter {@code param} of a node of type {@code type} with {@code params}. */
    List<String> of(String type, String param, Map<String, Object> params, Path flowFolder) {
        try {
            if (type.equals("model.load") && param.equals("model")) {
                return registered(text(params.get("registry")), flowFolder);
            }
            if (type.startsWith("data.") && type.endsWith(".database") && param.equals("connection")) {
                return new ArrayList<>(Connections.user().saved().keySet());
            }
            if (type.equals("model.forecast") && param.equals("holidays")) {
                return List.of("KR", "US", "none"); // or a file of dates beside the flow, typed
            }
            if (type.equals("data.import.database") && param.equals("table")) {
                return localTables(text(params.get("connection")), flowFolder);
            }
        } catch (Exception e) {
            return List.of(); // nothing to offer; the field still takes typed text
        }
        return List.of();
    }

    private static List<String> registered(String registry, Path flowFolder) throws Exception {
        RegistryLocation where = RegistryLocation.of(registry, flowFolder);
        if (where.postgres() || !Files.exists(where.folder().resolve(RegistryLocation.DATABASE))) {
            return List.of(); // no registry yet (looking must not create one), or a server
        }
        List<String> refs = new ArrayList<>();
        try (Registry r = Registry.open(where)) {
            for (String g : r.groups()) {
                List<ModelVersion> versions = r.versions(g);
                versions.forEach(v -> v.aliases().forEach(a -> refs.add(g + "@" + a)));
                refs.add(g + "@latest-approved");
                versions.forEach(v -> refs.add(v.ref().toString()));
            }
        }
        return refs;
    }

    private static List<String> localTables(String connection, Path flowFolder) throws Exception {
        if (connection.isBlank() || !connection.startsWith("jdbc:")) {
            return List.of();
        }
        Dialect d = Dialect.of(connection);
        if (d != Dialect.SQLITE && d != Dialect.DUCKDB) {
            return List.of();
        }
        ConnectionSpec spec = Connections.user().resolve(connection, p -> flowFolder == null ? Path.of(p)
                : flowFolder.resolve(p));
        String file = spec.url().substring(spec.url().indexOf(':', 5) + 1);
        if (!Files.isRegularFile(Path.of(file))) {
            return List.of();
        }
        return DatabaseReader.tables(spec);
    }

    private static String text(Object v) {
        return v == null ? "" : String.valueOf(v);
    }
}
