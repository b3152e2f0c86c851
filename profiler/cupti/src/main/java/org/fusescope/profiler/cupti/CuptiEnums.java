package org.fusescope.profiler.cupti;

import org.fusescope.profiler.model.MemcpyKind;
import org.fusescope.profiler.model.MemoryKind;
import org.fusescope.profiler.model.SyncType;

/**
 * CUPTI's enum values (cupti_activity.h) as the model's Nsight Systems enums. Copy kinds ({@code
 * CUpti_ActivityMemcpyKind}) and synchronization types ({@code
 * CUpti_ActivitySynchronizationType}) have the ids of the nsys tables; memory kinds do not: CUPTI
 * counts {@code UNKNOWN = 0, PAGEABLE = 1 ... MANAGED_STATIC = 7}, nsys {@code PAGEABLE = 0 ...
 * MANAGED_STATIC = 6, UNKNOWN = 7}. Thread-safe (stateless).
 */
public final class CuptiEnums {
    /** CUPTI's {@code CUPTI_SYNCHRONIZATION_INVALID_VALUE} ((uint32_t) -1), the model's -1. */
    static final int INVALID = -1;

    private CuptiEnums() {}

    /** {@code CUpti_ActivityMemcpyKind} (the unsigned byte of the record) → copy kind. */
    public static MemcpyKind copyKind(int cuptiKind) {
        return MemcpyKind.ofId(cuptiKind);
    }

    /** {@code CUpti_ActivityMemoryKind} → memory kind; unknown and out-of-range values give UNKNOWN. */
    public static MemoryKind memoryKind(int cuptiKind) {
        return cuptiKind <= 0 ? MemoryKind.UNKNOWN : MemoryKind.ofId(cuptiKind - 1);
    }

    /** {@code CUpti_ActivitySynchronizationType} → synchronization type. */
    public static SyncType syncType(int cuptiType) {
        return SyncType.ofId(cuptiType);
    }

    /** A CUPTI unsigned 32-bit id that may be the invalid marker: -1 for that, else its unsigned value. */
    public static long optionalId(int cuptiId) {
        return cuptiId == INVALID ? -1 : Integer.toUnsignedLong(cuptiId);
    }
}
