package org.fusescope.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.fusescope.app.Golden;
import org.fusescope.app.run.RunProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fusescope --screenshot FILE DATABASE} in a real window (GTK glass) on an Xvfb display, as
 * the documentation uses it. Skipped only when Xvfb is not on the PATH; it then needs the packages
 * xvfb and libgtk-3-0.
 */
class ScreenshotXvfbTest {
    @TempDir
    Path dir;

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null
                && List.of(path.split(File.pathSeparator)).stream()
                        .anyMatch(d -> Files.isExecutable(Path.of(d, program)));
    }

    @Test
    void writesAPngOfTheRealWindow() throws Exception {
        assumeTrue(onPath("Xvfb"), "Xvfb is not on the PATH (apt-get install xvfb libgtk-3-0 to run this test)");
        Process xvfb = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", "1600x1000x24", "-nolisten", "tcp")
                .redirectError(dir.resolve("xvfb.log").toFile())
                .start();
        try {
            String display;
            try (BufferedReader r =
                    new BufferedReader(new InputStreamReader(xvfb.getInputStream(), StandardCharsets.UTF_8))) {
                display = r.readLine();
            }
            assertThat(display).as("Xvfb display number").isNotBlank();
            Path png = dir.resolve("workbench.png");
            List<String> command = new java.util.ArrayList<>(RunProcess.command(List.of(
                    "--screenshot",
                    png.toString(),
                    Golden.file().toAbsolutePath().toString())));
            command.add(1, "-Dfusescope.config.dir=" + dir.resolve("config"));
            command.add(1, "-Dprism.order=sw");
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            pb.redirectOutput(dir.resolve("app.log").toFile());
            pb.environment().put("DISPLAY", ":" + display.trim());
            Process app = pb.start();
            assertThat(app.waitFor(120, TimeUnit.SECONDS))
                    .as("screenshot run ends")
                    .isTrue();
            String log = Files.readString(dir.resolve("app.log"));
            assertThat(app.exitValue()).as(log).isZero();
            assertThat(log).doesNotContain("Monocle");
            BufferedImage image = ImageIO.read(png.toFile());
            assertThat(image.getWidth()).isGreaterThanOrEqualTo(800);
            Set<Integer> colours = new HashSet<>();
            for (int y = 0; y < image.getHeight(); y += 7) {
                for (int x = 0; x < image.getWidth(); x += 7) {
                    colours.add(image.getRGB(x, y));
                }
            }
            assertThat(colours).as("a rendered workbench, not a blank window").hasSizeGreaterThan(50);
        } finally {
            xvfb.destroy();
            xvfb.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
