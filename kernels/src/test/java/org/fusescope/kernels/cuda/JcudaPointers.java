package org.fusescope.kernels.cuda;

import java.lang.reflect.Field;
import java.nio.Buffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.List;
import jcuda.NativePointerObject;
import jcuda.Pointer;

/**
 * Reads back what a JCuda {@code Pointer.to(...)} holds, without native code: JCuda keeps the Java
 * array (as a wrapping buffer) or the pointer objects in private fields until the native call. Test
 * only; tied to JCuda's field names {@code buffer} and {@code pointers}.
 */
final class JcudaPointers {
    private JcudaPointers() {}

    /**
     * What each slot of a {@code void**} made by {@code Pointer.to(NativePointerObject...)} points at: a
     * copy of the int, long or float array a slot wraps, or the one pointer object it wraps (e.g. a
     * device pointer).
     */
    static List<Object> targets(Pointer pointerToPointers) {
        List<Object> out = new ArrayList<>();
        for (NativePointerObject slot : pointers(pointerToPointers)) {
            Pointer p = (Pointer) slot;
            Buffer array = (Buffer) field(p, "buffer");
            out.add(array != null ? arrayOf(array) : onlyPointer(p));
        }
        return out;
    }

    private static NativePointerObject[] pointers(Pointer p) {
        return (NativePointerObject[]) field(p, "pointers");
    }

    private static NativePointerObject onlyPointer(Pointer p) {
        NativePointerObject[] inner = pointers(p);
        if (inner == null || inner.length != 1) {
            throw new IllegalArgumentException("a slot holds neither an array nor one pointer: " + p);
        }
        return inner[0];
    }

    private static Object arrayOf(Buffer buffer) {
        if (buffer instanceof IntBuffer b) {
            return b.array().clone();
        } else if (buffer instanceof LongBuffer b) {
            return b.array().clone();
        } else if (buffer instanceof FloatBuffer b) {
            return b.array().clone();
        }
        throw new IllegalArgumentException("unexpected buffer " + buffer);
    }

    private static Object field(Pointer pointer, String name) {
        try {
            Field f = Pointer.class.getDeclaredField(name);
            f.setAccessible(true);
            return f.get(pointer);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("JCuda's Pointer has no readable field " + name, e);
        }
    }
}
