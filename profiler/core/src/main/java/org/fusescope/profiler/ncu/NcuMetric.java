package org.fusescope.profiler.ncu;

/**
 * The Nsight Compute metrics FuseScope stores per kernel, by their ncu names, each in one base unit
 * (ns, bytes or %).
 */
public enum NcuMetric {
    DURATION("gpu__time_duration.sum", "ns"),
    DRAM_READ("dram__bytes_read.sum", "B"),
    DRAM_WRITE("dram__bytes_write.sum", "B"),
    DRAM_THROUGHPUT("dram__throughput.avg.pct_of_peak_sustained_elapsed", "%"),
    SM_THROUGHPUT("sm__throughput.avg.pct_of_peak_sustained_elapsed", "%"),
    ACHIEVED_OCCUPANCY("sm__warps_active.avg.pct_of_peak_sustained_active", "%"),
    L2_HIT_RATE("lts__t_sector_hit_rate.pct", "%");

    private final String ncuName;
    private final String unit;

    NcuMetric(String ncuName, String unit) {
        this.ncuName = ncuName;
        this.unit = unit;
    }

    /** The metric's name on ncu's command line and in its CSV. */
    public String ncuName() {
        return ncuName;
    }

    /** The unit values are stored in: ns, B or %. */
    public String unit() {
        return unit;
    }

    /** The metric list for {@code ncu --metrics}. */
    public static String ncuList() {
        StringBuilder s = new StringBuilder();
        for (NcuMetric m : values()) {
            s.append(s.length() == 0 ? "" : ",").append(m.ncuName);
        }
        return s.toString();
    }

    /** The metric of an ncu name, or null when it is none of ours. */
    public static NcuMetric byNcuName(String name) {
        for (NcuMetric m : values()) {
            if (m.ncuName.equals(name)) {
                return m;
            }
        }
        return null;
    }
}
