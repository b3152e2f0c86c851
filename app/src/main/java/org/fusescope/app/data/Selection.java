package org.fusescope.app.data;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * What the user selected, shared by every view so that they stay synchronized: the active run (the
 * editor in front) and a kernel of it. Observable; use on the FX thread.
 */
public final class Selection {
    private final ObjectProperty<OpenRun> activeRun = new SimpleObjectProperty<>(this, "activeRun");
    private final ObjectProperty<KernelRef> kernel = new SimpleObjectProperty<>(this, "kernel");
    private final IntegerProperty revealRequests = new SimpleIntegerProperty(this, "revealRequests");

    public ObjectProperty<OpenRun> activeRunProperty() {
        return activeRun;
    }

    public ObjectProperty<KernelRef> kernelProperty() {
        return kernel;
    }

    public OpenRun activeRun() {
        return activeRun.get();
    }

    public KernelRef kernel() {
        return kernel.get();
    }

    /** Selects a kernel of a run; the run becomes the active one. */
    public void selectKernel(OpenRun run, int index) {
        activeRun.set(run);
        kernel.set(index < 0 ? null : new KernelRef(run, index));
    }

    /**
     * Selects a kernel of a run and asks the run's timeline to bring it into view (pan, or zoom when
     * it is wider than the window): for selections made outside the timeline.
     */
    public void selectAndReveal(OpenRun run, int index) {
        selectKernel(run, index);
        revealRequests.set(revealRequests.get() + 1);
    }

    /** Counts {@link #selectAndReveal} calls: timelines listen to it. */
    public ReadOnlyIntegerProperty revealRequestsProperty() {
        return revealRequests;
    }
}
