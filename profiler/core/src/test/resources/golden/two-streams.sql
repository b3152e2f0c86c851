-- Makes two-streams.sqlite from recording.sqlite: the shared expert's kernels (its up/down GEMMs, its
-- SiLU-and-mul, its gate GEMV, sigmoid and mul) move to stream 14, as engines that overlap the shared
-- expert with the routed ones run them, so a stream's lane order and the run's kernel order differ.
--   cp recording.sqlite two-streams.sqlite && sqlite3 two-streams.sqlite < two-streams.sql
UPDATE CUPTI_ACTIVITY_KIND_KERNEL SET streamId = 14
WHERE EXISTS (
    SELECT 1 FROM FS_KERNEL_ATTRIBUTION a JOIN StringIds s ON s.id = a.op
    WHERE a.correlationId = CUPTI_ACTIVITY_KIND_KERNEL.correlationId
      AND a.graphNodeId = CUPTI_ACTIVITY_KIND_KERNEL.graphNodeId
      AND s.value IN ('shared_expert_gemm_up', 'shared_expert_gemm_down', 'shared_silu_and_mul', 'gate_gemv',
                      'sigmoid', 'mul'));
VACUUM;
