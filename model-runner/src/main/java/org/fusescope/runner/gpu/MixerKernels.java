package org.fusescope.runner.gpu;

import org.fusescope.kernels.ops.AttnGateSigmoidKernel;
import org.fusescope.kernels.ops.AttnGateSigmoidMulKernel;
import org.fusescope.kernels.ops.CausalConv1dUpdateKernel;
import org.fusescope.kernels.ops.ConvPackGdnKernel;
import org.fusescope.kernels.ops.DecodeAttentionCombineKernel;
import org.fusescope.kernels.ops.DecodeAttentionKernel;
import org.fusescope.kernels.ops.GatedDeltaRuleKernel;
import org.fusescope.kernels.ops.GatedRmsNormKernel;
import org.fusescope.kernels.ops.GdnSplitKernel;
import org.fusescope.kernels.ops.KernelLibrary;
import org.fusescope.kernels.ops.KvAppendKernel;
import org.fusescope.kernels.ops.QkRmsNormKernel;
import org.fusescope.kernels.ops.RotaryPartialKernel;
import org.fusescope.kernels.shape.AttentionDims;
import org.fusescope.kernels.shape.LinearAttentionDims;
import org.fusescope.runner.model.ModelConfig;

/** Every kernel the two mixers may launch, compiled for one model's sizes. Not thread-safe. */
final class MixerKernels {
    final CausalConv1dUpdateKernel causalConv1dUpdate;
    final GdnSplitKernel gdnSplit;
    final ConvPackGdnKernel convPackGdn;
    final GatedDeltaRuleKernel gatedDeltaRule;
    final GatedRmsNormKernel gatedRmsNorm;
    final QkRmsNormKernel qkRmsNorm;
    final RotaryPartialKernel rotaryPartial;
    final KvAppendKernel kvAppend;
    final DecodeAttentionKernel decodeAttention;
    final DecodeAttentionCombineKernel decodeAttentionCombine;
    final AttnGateSigmoidKernel attnGateSigmoid;
    final AttnGateSigmoidMulKernel attnGateSigmoidMul;

    MixerKernels(KernelLibrary lib, ModelConfig config) {
        LinearAttentionDims g = config.linear();
        AttentionDims a = config.attention();
        causalConv1dUpdate = new CausalConv1dUpdateKernel(lib, g);
        gdnSplit = new GdnSplitKernel(lib, g);
        convPackGdn = new ConvPackGdnKernel(lib, g);
        gatedDeltaRule = new GatedDeltaRuleKernel(lib, g);
        gatedRmsNorm = new GatedRmsNormKernel(lib, g);
        qkRmsNorm = new QkRmsNormKernel(lib, a);
        rotaryPartial = new RotaryPartialKernel(lib, a);
        kvAppend = new KvAppendKernel(lib, a);
        decodeAttention = new DecodeAttentionKernel(lib, a);
        decodeAttentionCombine = new DecodeAttentionCombineKernel(lib, a);
        attnGateSigmoid = new AttnGateSigmoidKernel(lib, a);
        attnGateSigmoidMul = new AttnGateSigmoidMulKernel(lib, a);
    }
}
