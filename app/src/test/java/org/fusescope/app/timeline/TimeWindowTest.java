package org.fusescope.app.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TimeWindowTest {
    @Test
    void zoomKeepsThePointUnderTheAnchor() {
        TimeWindow w = new TimeWindow(0, 1000);
        double before = w.timeAt(250, 1000);
        w.zoom(0.5, 0.25);
        assertThat(w.spanNs()).isCloseTo(500, within(1e-9));
        assertThat(w.timeAt(250, 1000)).isCloseTo(before, within(1e-9));
    }

    @Test
    void panAndZoomStayInsideTheBounds() {
        TimeWindow w = new TimeWindow(100, 1100);
        w.zoom(0.1, 0.5);
        w.pan(-100);
        assertThat(w.startNs()).isEqualTo(100);
        w.pan(1000);
        assertThat(w.endNs()).isEqualTo(1100);
        w.zoom(100, 0.5);
        assertThat(w.startNs()).isEqualTo(100);
        assertThat(w.endNs()).isEqualTo(1100);
    }

    @Test
    void neverNarrowerThanTheMinimumSpan() {
        TimeWindow w = new TimeWindow(0, 1_000_000);
        for (int i = 0; i < 100; i++) {
            w.zoom(0.5, 0.5);
        }
        assertThat(w.spanNs()).isEqualTo(TimeWindow.MIN_SPAN_NS);
    }

    @Test
    void focusAddsAMargin() {
        TimeWindow w = new TimeWindow(0, 1_000_000);
        w.focus(1000, 2000);
        assertThat(w.startNs()).isEqualTo(900);
        assertThat(w.endNs()).isEqualTo(2100);
        assertThat(w.xOf(1500, 1200)).isCloseTo(600, within(1e-9));
    }

    @Test
    void extendWidensTheBoundsAndKeepsAFittedWindowFitted() {
        TimeWindow fitted = new TimeWindow(100, 1100);
        fitted.extend(50, 1200);
        assertThat(fitted.minNs()).isEqualTo(50);
        assertThat(fitted.maxNs()).isEqualTo(1200);
        assertThat(fitted.startNs()).isEqualTo(50);
        assertThat(fitted.endNs()).isEqualTo(1200);
        TimeWindow zoomed = new TimeWindow(100, 1100);
        zoomed.show(400, 500);
        zoomed.extend(50, 1200);
        assertThat(zoomed.startNs()).isEqualTo(400);
        assertThat(zoomed.endNs()).isEqualTo(500);
        zoomed.fit();
        assertThat(zoomed.startNs()).isEqualTo(50);
    }
}
