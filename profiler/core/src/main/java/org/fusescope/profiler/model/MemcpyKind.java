package org.fusescope.profiler.model;

/** Direction of a copy; ids and labels as in the Nsight Systems table {@code ENUM_CUDA_MEMCPY_OPER}. */
public enum MemcpyKind implements NsysEnum {
    UNKNOWN(0, "CUDA memcpy Unknown"),
    HTOD(1, "CUDA memcpy Host-to-Device"),
    DTOH(2, "CUDA memcpy Device-to-Host"),
    HTOA(3, "CUDA memcpy Host-to-Array"),
    ATOH(4, "CUDA memcpy Array-to-Host"),
    ATOA(5, "CUDA memcpy Array-to-Array"),
    ATOD(6, "CUDA memcpy Array-to-Device"),
    DTOA(7, "CUDA memcpy Device-to-Array"),
    DTOD(8, "CUDA memcpy Device-to-Device"),
    HTOH(9, "CUDA memcpy Host-to-Host"),
    PTOP(10, "CUDA memcpy Peer-to-Peer"),
    UVM_HTOD(11, "CUDA Unified Memory memcpy HtoD"),
    UVM_DTOH(12, "CUDA Unified Memory memcpy DtoH"),
    UVM_DTOD(13, "CUDA Unified Memory memcpy DtoD");

    private final int id;
    private final String label;

    MemcpyKind(int id, String label) {
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
    public static MemcpyKind ofId(int id) {
        return NsysEnum.ofId(MemcpyKind.class, id, UNKNOWN);
    }
}
