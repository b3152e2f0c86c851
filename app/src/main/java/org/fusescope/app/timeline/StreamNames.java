package org.fusescope.app.timeline;

/**
 * Row headers of GPU streams: the stream's id and its role, {@code Stream 13 (compute)}. The
 * recordings do not store what a stream was for, so the role comes from its kernels: {@code
 * compute} for a stream running kernels of the decode step's ops (attributed ones), {@code kernels}
 * for one whose kernels are not attributed (e.g. an nsys export). Stateless.
 */
public final class StreamNames {
    private StreamNames() {}

    /** The header of the row of {@code stream}, whose kernels are {@code attributed} or not. */
    public static String header(int stream, boolean attributed) {
        return "Stream " + stream + " (" + (attributed ? "compute" : "kernels") + ")";
    }
}
