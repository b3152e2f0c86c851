package org.fusescope.app.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import org.fusescope.app.workbench.ScreenshotWhenReady.Verdict;
import org.junit.jupiter.api.Test;

/** Issue 17, failure 12: a bad file fails the screenshot at once, never after 60 s or with exit 0. */
class ScreenshotWhenReadyTest {
    @Test
    void aFileThatFailedToOpenFailsAtOnceWithItsReason() {
        Verdict v =
                ScreenshotWhenReady.verdict(false, 0, "Opening x.sqlite: x.sqlite: not an SQLite database", false, "");
        assertThat(v.shoot()).isFalse();
        assertThat(v.failure()).contains("x.sqlite: not an SQLite database");
    }

    @Test
    void aFailedLoadFailsEvenWhenAnEditorIsOpenInsteadOfShootingWithExitZero() {
        Verdict v = ScreenshotWhenReady.verdict(true, 0, "Loading run 1: damaged data", false, "Ready");
        assertThat(v.shoot()).isFalse();
        assertThat(v.failure()).contains("damaged data");
    }

    @Test
    void noWorkLeftAndNoEditorFailsAtOnce() {
        assertThat(ScreenshotWhenReady.verdict(false, 0, null, false, "Ready").failure())
                .contains("nothing to show");
    }

    @Test
    void loadingWaitsUntilTheDeadline() {
        assertThat(ScreenshotWhenReady.verdict(false, 1, null, false, "Opening …"))
                .isEqualTo(Verdict.WAIT);
        assertThat(ScreenshotWhenReady.verdict(false, 1, null, true, "Opening …")
                        .failure())
                .contains("60 s");
    }

    @Test
    void aLoadedEditorWithNoWorkLeftIsShot() {
        assertThat(ScreenshotWhenReady.verdict(true, 0, null, false, "Ready")).isEqualTo(Verdict.SHOOT);
    }
}
