package io.tablewise.ui;

import java.nio.file.Path;
import java.util.concurrent.Executor;

import io.tablewise.engine.FlowExecutor;
import io.tablewise.ui.editor.FlowEditor;
import io.tablewise.ui.inspector.InspectorViewModel;
import io.tablewise.ui.palette.PaletteViewModel;
import io.tablewise.ui.project.RecoveryStore;
import io.tablewise.ui.project.StudioSettings;
import io.tablewise.ui.run.RunViewModel;

/**
 * The state of one studio window, apart from its controls: the flow editor, the runner, the settings and the
 * recovery store. The window's controls can be rebuilt (after a language change) without losing any of it.
 */
public final class StudioSession {
    private final FlowExecutor executor;
    private final FlowEditor editor;
    private final RunViewModel runs;
    private final InspectorViewModel inspector;
    private final StudioSettings settings;
    private final RecoveryStore recovery;
    private final Path samples;

    /** A session on {@code executor}'s node registry; engine results are handed over through {@code uiThread}. */
    public StudioSession(FlowExecutor executor, StudioSettings settings, Path samples, Executor uiThread) {
        this.executor = executor;
        this.settings = settings;
        this.samples = samples;
        this.editor = new FlowEditor(io.tablewise.node.registry.NodeRegistry.builtIn());
        this.runs = new RunViewModel(executor, editor, uiThread);
        this.runs.setPathGrants(settings::pathGrants);
        this.inspector = new InspectorViewModel(editor, runs);
        this.recovery = new RecoveryStore(settings.home());
    }

    /** The flow editor. */
    public FlowEditor editor() {
        return editor;
    }

    /** The runner. */
    public RunViewModel runs() {
        return runs;
    }

    /** The inspector's model. */
    public InspectorViewModel inspector() {
        return inspector;
    }

    /** A fresh palette model (names follow the current language). */
    public PaletteViewModel palette() {
        return new PaletteViewModel(editor.registry());
    }

    /** The settings. */
    public StudioSettings settings() {
        return settings;
    }

    /** The recovery store. */
    public RecoveryStore recovery() {
        return recovery;
    }

    /** The sample projects folder, or null. */
    public Path samples() {
        return samples;
    }

    /** Stops background work. */
    public void shutdown() {
        runs.shutdown();
        executor.close();
    }
}
