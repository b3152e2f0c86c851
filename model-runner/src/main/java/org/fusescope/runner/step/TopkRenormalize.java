package org.fusescope.runner.step;

import org.fusescope.runner.model.ModelConfig;

/**
 * Whether the runner's top-k kernels renormalize the K routing weights: the config's {@code
 * norm_topk_prob}, unless the test switch {@value #FLIP_PROPERTY} (a system property, {@code true})
 * flips it. The switch plants a routing-weight bug on purpose so that a test can show that {@code
 * --verify}, which routes on its own from the config, catches it; never set it otherwise.
 */
public final class TopkRenormalize {
    /** The system property that flips the renormalization the kernels are launched with (tests only). */
    public static final String FLIP_PROPERTY = "fusescope.test.flipRenormalize";

    private TopkRenormalize() {}

    /** The {@code renormalize} argument of the top-k kernel launches for {@code config}. */
    public static boolean atLaunch(ModelConfig config) {
        return config.normTopkProb() != Boolean.getBoolean(FLIP_PROPERTY);
    }
}
