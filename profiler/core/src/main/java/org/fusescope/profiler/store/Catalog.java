package org.fusescope.profiler.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The tables and columns a file has: nsys creates tables lazily, and schemas gain columns over time. */
final class Catalog {
    private final Connection conn;
    private final Set<String> tables = new HashSet<>();
    private final Map<String, Set<String>> columns = new HashMap<>();

    Catalog(Connection conn) throws SQLException {
        this.conn = conn;
        try (Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
    }

    boolean has(String table) {
        return tables.contains(table);
    }

    boolean has(String table, String column) throws SQLException {
        if (!has(table)) {
            return false;
        }
        Set<String> cols = columns.get(table);
        if (cols == null) {
            cols = new HashSet<>();
            // table names come from TraceSchema and were found in sqlite_master, so they are safe to splice
            try (Statement st = conn.createStatement();
                    ResultSet rs = st.executeQuery("PRAGMA table_info(" + table + ")")) {
                while (rs.next()) {
                    cols.add(rs.getString("name").toLowerCase(Locale.ROOT));
                }
            }
            columns.put(table, cols);
        }
        return cols.contains(column.toLowerCase(Locale.ROOT));
    }

    /**
     * True when an index of {@code table} leads with {@code column}, so that SQLite can seek a range
     * of it instead of scanning the table (our files index kernel starts; nsys exports do not).
     */
    boolean indexed(String table, String column) throws SQLException {
        if (!has(table)) {
            return false;
        }
        List<String> indexes = new ArrayList<>();
        // table names come from TraceSchema and were found in sqlite_master, so they are safe to splice
        try (Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery("PRAGMA index_list(" + table + ")")) {
            while (rs.next()) {
                indexes.add(rs.getString("name"));
            }
        }
        for (String index : indexes) {
            try (PreparedStatement ps =
                    conn.prepareStatement("SELECT name FROM pragma_index_info(?) WHERE seqno = 0")) {
                ps.setString(1, index);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && column.equalsIgnoreCase(rs.getString(1))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** {@code alias.column} when the table has the column, else {@code fallback} (an SQL literal). */
    String column(String alias, String table, String column, String fallback) throws SQLException {
        return has(table, column) ? alias + "." + column : fallback;
    }
}
