package org.fusescope.profiler.model;

/** An enum stored as one row of an Nsight Systems {@code ENUM_*} table: an id and a label. */
public interface NsysEnum {
    /** The id stored in the activity tables. */
    int id();

    /** The human label of the {@code ENUM_*} table. */
    String label();

    /** The constant of {@code type} with this id, or {@code fallback} for ids this version does not know. */
    static <E extends Enum<E> & NsysEnum> E ofId(Class<E> type, int id, E fallback) {
        for (E constant : type.getEnumConstants()) {
            if (constant.id() == id) {
                return constant;
            }
        }
        return fallback;
    }
}
