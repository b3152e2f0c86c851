package org.fusescope.profiler.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.fusescope.profiler.store.TraceSchema.StringIds;

/** All of StringIds, read once: an array when ids are dense (ours and nsys's are), else a map. */
final class StringIdMap {
    private final String[] dense;
    private final Map<Long, String> sparse;

    private StringIdMap(String[] dense, Map<Long, String> sparse) {
        this.dense = dense;
        this.sparse = sparse;
    }

    static StringIdMap load(Connection conn, Catalog catalog) throws SQLException {
        Map<Long, String> all = new HashMap<>();
        long max = -1;
        boolean negative = false;
        if (catalog.has(StringIds.TABLE)) {
            try (Statement st = conn.createStatement();
                    ResultSet rs = st.executeQuery(Sql.select(StringIds.TABLE, StringIds.ID, StringIds.VALUE))) {
                st.setFetchSize(10_000);
                while (rs.next()) {
                    long id = rs.getLong(1);
                    all.put(id, rs.getString(2));
                    max = Math.max(max, id);
                    negative |= id < 0;
                }
            }
        }
        if (!negative && max < 2L * all.size() + 1024) {
            String[] dense = new String[(int) max + 1];
            all.forEach((id, s) -> dense[id.intValue()] = s);
            return new StringIdMap(dense, null);
        }
        return new StringIdMap(null, all);
    }

    /** The string with this id, or {@code fallback} when there is none. */
    String get(long id, String fallback) {
        String s;
        if (dense != null) {
            s = id >= 0 && id < dense.length ? dense[(int) id] : null;
        } else {
            s = sparse.get(id);
        }
        return s == null ? fallback : s;
    }
}
