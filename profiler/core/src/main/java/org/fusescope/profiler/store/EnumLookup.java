package org.fusescope.profiler.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Resolves ENUM rows by name: from the file when it has the table, else from the nsys values we write. */
final class EnumLookup {
    private EnumLookup() {}

    static Integer id(Connection conn, Catalog cat, String table, String name) throws SQLException {
        if (cat.has(table)) {
            return EnumRows.idOf(conn, table, name);
        }
        for (EnumRows.Row r : EnumRows.tables().getOrDefault(table, List.of())) {
            if (r.name().equals(name)) {
                return r.id();
            }
        }
        return null;
    }

    /** The ids of the rows with these names that exist. */
    static List<Integer> ids(Connection conn, Catalog cat, String table, String... names) throws SQLException {
        List<Integer> ids = new ArrayList<>();
        for (String n : names) {
            Integer id = id(conn, cat, table, n);
            if (id != null) {
                ids.add(id);
            }
        }
        return ids;
    }
}
