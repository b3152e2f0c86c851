package org.fusescope.profiler.model;

/** Kind of memory; ids and labels as in the Nsight Systems table {@code ENUM_CUDA_MEM_KIND}. */
public enum MemoryKind implements NsysEnum {
    PAGEABLE(0, "Pageable"),
    PINNED(1, "Pinned"),
    DEVICE(2, "Device"),
    ARRAY(3, "Array"),
    MANAGED(4, "Managed"),
    DEVICE_STATIC(5, "Device Static"),
    MANAGED_STATIC(6, "Managed Static"),
    UNKNOWN(7, "Unknown");

    private final int id;
    private final String label;

    MemoryKind(int id, String label) {
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

    /** The kind with this id; {@link #UNKNOWN} for ids this version does not know. */
    public static MemoryKind ofId(int id) {
        return NsysEnum.ofId(MemoryKind.class, id, UNKNOWN);
    }
}
