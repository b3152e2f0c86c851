package org.fusescope.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code fusescope bench kernels --groups}: checked before any GPU work, on any machine. */
class BenchKernelsGroupsTest {
    @Test
    void anUnknownGroupFailsInOneLineNamingTheGroups() {
        Cli.Result r = Cli.run("bench", "kernels", "--groups", "router,routers");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.errLines()).isEqualTo(1);
        assertThat(r.err())
                .contains("unknown case group 'routers'; groups: moe, dense, router, linear-attention, attention");
    }

    @Test
    void groupsAreNormalizedAndKeepTheirOrder() {
        BenchKernelsCommand c = new BenchKernelsCommand();
        c.groupNames = java.util.List.of(" Router", "moe");
        assertThat(c.chosenGroupNames()).containsExactly("router", "moe");
    }
}
