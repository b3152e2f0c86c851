package org.fusescope.kernels.bench;

/**
 * Per-launch GPU times of one kernel case, from CUDA events around graph replays.
 *
 * @param medianNs median over replays of (replay time / launches per replay)
 * @param minNs the fastest replay's per-launch time
 * @param maxNs the slowest replay's per-launch time
 * @param replays replays measured (after one warm-up)
 */
public record Timing(double medianNs, double minNs, double maxNs, int replays) {}
