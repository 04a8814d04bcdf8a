package dev.switchboard.studio.ui;

import dev.switchboard.uikit.WorkspaceView;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/** The Studio: its panels as tabs; only the selected panel is active while the workspace is shown. */
final class StudioView implements WorkspaceView {

    private final TabPane tabs = new TabPane();
    private final List<StudioPanel> panels;
    private StudioPanel active;
    private boolean shown;

    StudioView(List<StudioPanel> panels) {
        this.panels = List.copyOf(panels);
        tabs.setId("studio-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        for (StudioPanel panel : this.panels) {
            Tab tab = new Tab(panel.title(), panel.node());
            tab.setUserData(panel);
            tabs.getTabs().add(tab);
        }
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (shown) {
                switchTo(now == null ? null : (StudioPanel) now.getUserData());
            }
        });
    }

    @Override
    public Node node() {
        return tabs;
    }

    @Override
    public void activate() {
        shown = true;
        Tab selected = tabs.getSelectionModel().getSelectedItem();
        switchTo(selected == null ? null : (StudioPanel) selected.getUserData());
    }

    @Override
    public void deactivate() {
        shown = false;
        switchTo(null);
    }

    @Override
    public void dispose() {
        deactivate();
        panels.forEach(StudioPanel::dispose);
    }

    private void switchTo(StudioPanel panel) {
        if (active == panel) {
            return;
        }
        if (active != null) {
            active.deactivate();
        }
        active = panel;
        if (active != null) {
            active.activate();
        }
    }
}
