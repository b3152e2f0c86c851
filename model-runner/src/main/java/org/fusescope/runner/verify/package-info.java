/**
 * {@code --verify}: the MoE block's output from the GPU, fused and unfused, against each other and a
 * plain-Java reference computed token by token in double precision.
 */
package org.fusescope.runner.verify;
