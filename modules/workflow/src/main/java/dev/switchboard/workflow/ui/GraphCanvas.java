package dev.switchboard.workflow.ui;

import dev.switchboard.workflow.engine.GraphLayout;
import dev.switchboard.workflow.model.TaskSpec;
import dev.switchboard.workflow.model.TaskState;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Pane;
import javafx.scene.shape.CubicCurve;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;

/**
 * A workflow as boxes and arrows. Click a box to select it; drag from one box onto another to make the second
 * depend on the first; drag the background to pan; scroll to zoom. In a run view the boxes are coloured by state.
 */
final class GraphCanvas extends Pane {

    private final Group content = new Group();
    private final Map<String, Label> boxes = new HashMap<>();
    private Consumer<String> onSelect = id -> { };
    private BiConsumer<String, String> onConnect = (a, b) -> { };
    private java.util.function.UnaryOperator<String> typeName = type -> type;
    /** Keeps the graph fitted as the canvas changes size, until the user zooms or pans. */
    private boolean autoFit;
    private double fittedWidth;
    private double fittedHeight;
    private Point2D panFrom;
    private String dragFrom;
    private String pressedOn;
    private final Line rubberBand = new Line();

    GraphCanvas() {
        getStyleClass().add("workflow-canvas");
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        rubberBand.getStyleClass().add("workflow-rubber-band");
        rubberBand.setVisible(false);
        getChildren().addAll(content);
        content.setTranslateX(20);
        content.setTranslateY(20);
        setOnScroll(e -> {
            zoomBy(e.getDeltaY() > 0 ? 1.1 : 1 / 1.1);
            e.consume();
        });
        setOnMousePressed(e -> {
            if (e.getTarget() == this && e.getButton() == MouseButton.PRIMARY) {
                panFrom = new Point2D(e.getX() - content.getTranslateX(), e.getY() - content.getTranslateY());
            }
        });
        setOnMouseDragged(e -> {
            if (panFrom != null) {
                autoFit = false;
                content.setTranslateX(e.getX() - panFrom.getX());
                content.setTranslateY(e.getY() - panFrom.getY());
            }
        });
        setOnMouseReleased(e -> panFrom = null);
        setOnMouseClicked(e -> {
            if (e.getTarget() == this && e.isStillSincePress()) {
                onSelect.accept(null);
            }
        });
    }

    void onSelect(Consumer<String> action) {
        this.onSelect = action;
    }

    void onConnect(BiConsumer<String, String> action) {
        this.onConnect = action;
    }

    /** How a task type is named on its box ("Ring a call", not call.ring). */
    void typeNames(java.util.function.UnaryOperator<String> names) {
        this.typeName = names;
    }

    /**
     * Zooms so that the whole graph shows, never larger than its natural size nor smaller than the zoom's floor, with
     * its top-left corner at the margin. A workflow opened at 1280x800 showed two of its tasks, the rest off the side.
     */
    void fit() {
        javafx.geometry.Bounds b = content.getLayoutBounds();
        double margin = 20;
        if (b.isEmpty() || getWidth() <= 2 * margin || getHeight() <= 2 * margin) {
            return;
        }
        double scale = Math.max(0.3, Math.min(1, Math.min((getWidth() - 2 * margin) / b.getWidth(),
                (getHeight() - 2 * margin) / b.getHeight())));
        content.setScaleX(scale);
        content.setScaleY(scale);
        // A Group scales about its centre: place the scaled top-left corner at the margin.
        double cx = b.getMinX() + b.getWidth() / 2;
        double cy = b.getMinY() + b.getHeight() / 2;
        content.setTranslateX(margin - cx - scale * (b.getMinX() - cx));
        content.setTranslateY(margin - cy - scale * (b.getMinY() - cy));
    }

    /**
     * Fits the graph once the boxes just drawn have their size (at the next layout pass), and again whenever the
     * canvas changes size (the window, the split beside it), until the user zooms or pans.
     */
    void fitWhenLaidOut() {
        autoFit = true;
        fittedWidth = -1;
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        if (autoFit && getWidth() > 0 && getHeight() > 0
                && (getWidth() != fittedWidth || getHeight() != fittedHeight)) {
            fittedWidth = getWidth();
            fittedHeight = getHeight();
            content.layout();
            fit();
        }
    }

    /** The zoom factor, 1 for none. */
    double zoom() {
        return content.getScaleX();
    }

    void zoomBy(double factor) {
        autoFit = false;
        content.setScaleX(Math.max(0.3, Math.min(3, content.getScaleX() * factor)));
        content.setScaleY(content.getScaleX());
    }

    /** Draws {@code tasks} at {@code at}; {@code states} colours them (empty in the designer). */
    void show(List<TaskSpec> tasks, Map<String, GraphLayout.Point> at, Map<String, TaskState> states,
              Map<String, String> captions, String selected) {
        content.getChildren().clear();
        boxes.clear();
        double w = DesignerViewModel.NODE_WIDTH;
        double h = DesignerViewModel.NODE_HEIGHT;
        for (TaskSpec t : tasks) {
            GraphLayout.Point to = at.get(t.id());
            for (String dep : t.dependsOn()) {
                GraphLayout.Point from = at.get(dep);
                if (from == null || to == null) {
                    continue;
                }
                // Layers left to right join a box's right side to the next one's left; layers top to bottom (the
                // designer) join a box's foot to the next one's head.
                CubicCurve edge = to.x() >= from.x() + w
                        ? new CubicCurve(from.x() + w, from.y() + h / 2, from.x() + w + 30, from.y() + h / 2,
                                to.x() - 30, to.y() + h / 2, to.x(), to.y() + h / 2)
                        : new CubicCurve(from.x() + w / 2, from.y() + h, from.x() + w / 2, from.y() + h + 30,
                                to.x() + w / 2, to.y() - 30, to.x() + w / 2, to.y());
                edge.getStyleClass().add("workflow-edge");
                content.getChildren().add(edge);
            }
        }
        for (TaskSpec t : tasks) {
            GraphLayout.Point p = at.get(t.id());
            if (p == null) {
                continue;
            }
            String caption = captions.getOrDefault(t.id(), "");
            Label box = new Label(t.label() + "\n" + typeName.apply(t.type())
                    + (caption.isEmpty() ? "" : " · " + caption));
            box.setId("task-" + t.id());
            box.getStyleClass().add("workflow-task");
            TaskState state = states.get(t.id());
            if (state != null) {
                box.getStyleClass().add("state-" + state.code().toLowerCase(java.util.Locale.ROOT));
            }
            if (t.id().equals(selected)) {
                box.getStyleClass().add("selected");
            }
            box.setPrefSize(w, h);
            box.setMinSize(w, h);
            box.setLayoutX(p.x());
            box.setLayoutY(p.y());
            box.setOnMouseClicked(e -> onSelect.accept(t.id()));
            box.setOnDragDetected(e -> {
                dragFrom = t.id();
                rubberBand.setStartX(p.x() + w);
                rubberBand.setStartY(p.y() + h / 2);
                rubberBand.setEndX(p.x() + w);
                rubberBand.setEndY(p.y() + h / 2);
                rubberBand.setVisible(true);
                e.consume();
            });
            box.setOnMouseDragged(e -> {
                Point2D local = content.sceneToLocal(e.getSceneX(), e.getSceneY());
                rubberBand.setEndX(local.getX());
                rubberBand.setEndY(local.getY());
                e.consume();
            });
            box.setOnMousePressed(e -> {
                pressedOn = t.id();
                e.consume();
            });
            box.setOnMouseReleased(e -> {
                rubberBand.setVisible(false);
                String target = boxAt(e.getSceneX(), e.getSceneY());
                if (pressedOn != null && target != null && !target.equals(pressedOn)) {
                    onConnect.accept(pressedOn, target);
                }
                pressedOn = null;
                dragFrom = null;
            });
            boxes.put(t.id(), box);
            content.getChildren().add(box);
        }
        content.getChildren().add(rubberBand);
    }

    /** The task whose box lies under the scene point, or null. */
    private String boxAt(double sceneX, double sceneY) {
        for (Map.Entry<String, Label> e : boxes.entrySet()) {
            if (e.getValue().localToScene(e.getValue().getBoundsInLocal()).contains(sceneX, sceneY)) {
                return e.getKey();
            }
        }
        return null;
    }

    /** The box of a task, for tests and tooltips. */
    Label box(String id) {
        return boxes.get(id);
    }
}
