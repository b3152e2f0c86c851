package org.fusescope.kernels.cuda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, failure 2: a file planted in the temp folder under JCuda's fixed library name must never
 * be loaded. Each case runs a child JVM whose {@code java.io.tmpdir} is a folder this test owns, so
 * that the class initialization of JCudaDriver happens fresh.
 */
class JCudaNativesTest {
    @TempDir
    Path dir;

    private static final byte[] PLANTED = "not a library: a planted file".getBytes(StandardCharsets.US_ASCII);

    private Path plantedTempFolder() throws IOException {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Files.write(tmp.resolve(JCudaNatives.fileName()), PLANTED);
        return tmp;
    }

    private static String runChild(Path tmp, String how) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(
                        java,
                        "-Djava.io.tmpdir=" + tmp,
                        "-cp",
                        System.getProperty("java.class.path"),
                        JCudaLoadMain.class.getName(),
                        how))
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    @Test
    void jcudaOnItsOwnLoadsTheFilePlantedInTheTempFolder() throws Exception {
        // the attack the fix prevents, shown on the same plant: JCuda opens the planted file
        Path tmp = plantedTempFolder();
        String out = runChild(tmp, "jcuda");
        assertThat(out).contains(tmp.resolve(JCudaNatives.fileName()).toString());
    }

    @Test
    void fuseScopeNeverLoadsTheFilePlantedInTheTempFolder() throws Exception {
        Path tmp = plantedTempFolder();
        Path planted = tmp.resolve(JCudaNatives.fileName());
        String out = runChild(tmp, "fusescope");
        assertThat(out).doesNotContain(planted.toString()).doesNotContain("invalid ELF header");
        assertThat(out).satisfiesAnyOf(o -> assertThat(o).startsWith("loaded"), o -> assertThat(o)
                .contains("libcuda.so.1")); // the checked copy loads up to the driver
        assertThat(Files.readAllBytes(planted)).isEqualTo(PLANTED);
    }

    @Test
    void aCopyWhoseBytesDifferIsReplacedByTheJarsBytes() throws Exception {
        Path target = dir.resolve(JCudaNatives.fileName());
        Files.write(target, PLANTED);
        VerifiedCopy.ofResource(JCudaNatives.class, "/lib/" + JCudaNatives.fileName(), target);
        try (var in = JCudaNatives.class.getResourceAsStream("/lib/" + JCudaNatives.fileName())) {
            assertThat(Files.readAllBytes(target)).isEqualTo(in.readAllBytes());
        }
    }

    @Test
    void thePrivateFolderIsNewAndOnlyTheUsersOwn() throws Exception {
        Path a = PrivateFolder.create("t-");
        Path b = PrivateFolder.create("t-");
        try {
            assertThat(a).isNotEqualTo(b);
            assertThat(Files.getPosixFilePermissions(a))
                    .containsExactlyInAnyOrder(
                            PosixFilePermission.OWNER_READ,
                            PosixFilePermission.OWNER_WRITE,
                            PosixFilePermission.OWNER_EXECUTE);
        } finally {
            Files.delete(a);
            Files.delete(b);
        }
    }
}
