package org.fusescope.profiler.store;

import static org.fusescope.profiler.store.Sql.INT;
import static org.fusescope.profiler.store.Sql.INT_NN;
import static org.fusescope.profiler.store.Sql.REAL;
import static org.fusescope.profiler.store.Sql.TEXT;
import static org.fusescope.profiler.store.Sql.TEXT_NN;
import static org.fusescope.profiler.store.Sql.createTable;

import java.util.ArrayList;
import java.util.List;
import org.fusescope.profiler.store.TraceSchema.Attribution;
import org.fusescope.profiler.store.TraceSchema.DevicePerf;
import org.fusescope.profiler.store.TraceSchema.ExpertCounts;
import org.fusescope.profiler.store.TraceSchema.Kernel;
import org.fusescope.profiler.store.TraceSchema.MetaData;
import org.fusescope.profiler.store.TraceSchema.NumericChecks;
import org.fusescope.profiler.store.TraceSchema.Problems;
import org.fusescope.profiler.store.TraceSchema.Processes;
import org.fusescope.profiler.store.TraceSchema.Runs;
import org.fusescope.profiler.store.TraceSchema.StringIds;
import org.fusescope.profiler.store.TraceSchema.ThreadNames;

/** CREATE statements of every table; column order and types follow the nsys 3.16.1 export. */
final class Ddl {
    private Ddl() {}

    static List<String> all() {
        List<String> ddl = new ArrayList<>(CoreDdl.activityTables());
        ddl.add(createTable(
                StringIds.TABLE, StringIds.ID + " INTEGER NOT NULL PRIMARY KEY", StringIds.VALUE + TEXT_NN));
        ddl.add(createTable(
                ThreadNames.TABLE,
                ThreadNames.NAME_ID + INT_NN,
                ThreadNames.PRIORITY + INT,
                ThreadNames.GLOBAL_TID + INT));
        ddl.add(createTable(Processes.TABLE, Processes.GLOBAL_PID + INT, Processes.PID + INT, Processes.NAME + TEXT));
        ddl.add(createTable(MetaData.TABLE, MetaData.NAME + TEXT, MetaData.VALUE + TEXT));
        ddl.add(CoreDdl.targetGpu());
        ddl.addAll(EnumRows.createTables());
        ddl.addAll(fsTables());
        return ddl;
    }

    private static List<String> fsTables() {
        return List.of(
                createTable(
                        Runs.TABLE,
                        Runs.ID + " INTEGER PRIMARY KEY",
                        Runs.NAME + TEXT_NN,
                        Runs.VARIANT + TEXT,
                        Runs.FUSIONS + TEXT,
                        Runs.CONFIG_JSON + TEXT,
                        Runs.BATCH + INT,
                        Runs.MODE + TEXT,
                        Runs.LAYERS + INT,
                        Runs.START_NS + INT_NN,
                        Runs.END_NS + INT,
                        Runs.START_EPOCH_MS + INT,
                        Runs.HOST + TEXT,
                        Runs.STATUS + TEXT_NN,
                        Runs.SYNTHETIC + INT_NN,
                        Runs.DEVICE_ID + INT),
                createTable(
                        DevicePerf.TABLE,
                        DevicePerf.DEVICE_ID + " INTEGER PRIMARY KEY",
                        DevicePerf.MEASURED_BANDWIDTH + REAL,
                        DevicePerf.PEAK_FLOPS + REAL),
                createTable(
                        Attribution.TABLE,
                        Attribution.RUN_ID + INT_NN,
                        Attribution.CORRELATION_ID + INT_NN,
                        Attribution.GRAPH_NODE_ID + INT_NN,
                        Attribution.OP + INT_NN,
                        Attribution.FUSION_GROUP + INT_NN,
                        Attribution.FUSED + INT_NN,
                        Attribution.LAYER + INT_NN,
                        Attribution.STEP + INT_NN,
                        Attribution.BYTES_READ + INT_NN,
                        Attribution.BYTES_WRITTEN + INT_NN,
                        Attribution.FLOPS + INT_NN),
                createTable(
                        ExpertCounts.TABLE,
                        ExpertCounts.RUN_ID + INT_NN,
                        ExpertCounts.LAYER + INT_NN,
                        ExpertCounts.STEP + INT_NN,
                        ExpertCounts.EXPERTS + INT_NN,
                        ExpertCounts.TOKENS + " BLOB NOT NULL"),
                createTable(
                        NumericChecks.TABLE,
                        NumericChecks.RUN_ID + INT_NN,
                        NumericChecks.NAME + TEXT,
                        NumericChecks.LAYER + INT_NN,
                        NumericChecks.STEP + INT_NN,
                        NumericChecks.MAX_ABS + REAL,
                        NumericChecks.REL_NORM + REAL,
                        NumericChecks.TOLERANCE + REAL),
                createTable(
                        Problems.TABLE,
                        Problems.RUN_ID + INT_NN,
                        Problems.SEVERITY + TEXT_NN,
                        Problems.CODE + TEXT_NN,
                        Problems.MESSAGE + TEXT_NN,
                        Problems.LAYER + INT_NN,
                        Problems.STEP + INT_NN,
                        Problems.TIME_NS + INT_NN));
    }

    /**
     * Created with the tables and kept up while inserting: the writer adds rows in key order (kernels
     * by start, attribution by run and correlation id), so each index grows at its end, which costs
     * less than building it from the whole table at close (benchmarks/store.md), and a file cut short
     * by a crash, or read while recording, has its indexes too.
     */
    static List<String> indexes() {
        return List.of(
                Sql.index(Kernel.TABLE, Kernel.START),
                Sql.index(Attribution.TABLE, Attribution.RUN_ID, Attribution.CORRELATION_ID, Attribution.GRAPH_NODE_ID),
                Sql.index(ExpertCounts.TABLE, ExpertCounts.RUN_ID),
                Sql.index(NumericChecks.TABLE, NumericChecks.RUN_ID),
                Sql.index(Problems.TABLE, Problems.RUN_ID));
    }
}
