package org.fusescope.profiler.model;

/** Kind of synchronization; ids and labels as in the Nsight Systems table {@code ENUM_CUPTI_SYNC_TYPE}. */
public enum SyncType implements NsysEnum {
    UNKNOWN(0, "Unknown"),
    EVENT_SYNCHRONIZE(1, "Event sync"),
    STREAM_WAIT_EVENT(2, "Stream wait sync"),
    STREAM_SYNCHRONIZE(3, "Stream sync"),
    CONTEXT_SYNCHRONIZE(4, "Context sync");

    private final int id;
    private final String label;

    SyncType(int id, String label) {
        this.id = id;
        this.label = label;
    }

    @Override
    public int id() {
        return id;
    }

    @Override
    public String label() {
        return label;
    }

    /** The type with this id; {@link #UNKNOWN} for ids this version does not know. */
    public static SyncType ofId(int id) {
        return NsysEnum.ofId(SyncType.class, id, UNKNOWN);
    }
}
