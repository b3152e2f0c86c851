package org.fusescope.app.run;

import javafx.beans.value.ObservableValue;
import javafx.scene.layout.BorderPane;
import org.controlsfx.control.TaskProgressView;

/**
 * The Progress tool window: the running {@code fusescope run} in a ControlsFX task-progress view
 * (title, the runner's last progress line, a progress bar and Cancel, which stops the run). A task
 * leaves the view when its run ends. Layout only.
 */
public final class RunTasksView extends BorderPane {
    private final TaskProgressView<RunTask> tasks = new TaskProgressView<>();

    public RunTasksView(ObservableValue<RunTask> started) {
        tasks.setId("runTasks");
        started.addListener((obs, old, task) -> {
            if (task != null && !tasks.getTasks().contains(task)) {
                tasks.getTasks().add(task);
            }
        });
        setCenter(tasks);
    }

    /** The ControlsFX view (tests). */
    public TaskProgressView<RunTask> taskView() {
        return tasks;
    }
}
