/**
 * Plain-Java references of the CUDA kernels in {@code src/main/cuda}, one {@code <Op>Reference} per
 * {@code <op>.cu}.
 *
 * <p>They compute the same math as the kernels in float64 and round to bf16 ({@link
 * org.fusescope.kernels.reference.Bf16Round}) exactly where the kernel stores bf16, so a GPU result
 * can be compared with a tolerance of about one bf16 ulp. Inputs are expected to hold bf16 values
 * already (floats whose low 16 bits are zero); outputs are fresh arrays, inputs are never modified.
 * Tensors are row-major {@code float[]}/{@code int[]} with their shape passed as ints; a shape mismatch
 * throws {@link IllegalArgumentException} naming the argument, the expected and the actual length.
 * All classes are stateless and thread-safe.
 */
package org.fusescope.kernels.reference;
