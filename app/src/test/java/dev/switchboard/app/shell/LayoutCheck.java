package dev.switchboard.app.shell;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.text.Text;

/**
 * What a user would see cut off in a window: nodes that lie outside the window, and labels whose text is shown
 * shortened (with the ellipsis) instead of in full. Content inside a clipping node (a scroll pane's viewport, a
 * list's cells, the map) may lie outside the window: it is scrolled or clipped, not cut; the clipping node itself
 * must fit. Labels are checked everywhere they show, cells of lists and tables included.
 */
final class LayoutCheck {

    private static final double SLACK = 1.0;
    private static final int MAX_REPORTED = 12;

    private LayoutCheck() {
    }

    /** The problems of {@code scene} in words, one per node; empty when everything fits. Call on the FX thread. */
    static List<String> problems(Scene scene) {
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        List<String> out = new ArrayList<>();
        walk(scene.getRoot(), scene.getWidth(), scene.getHeight(), true, out);
        return out.size() > MAX_REPORTED ? out.subList(0, MAX_REPORTED) : out;
    }

    private static void walk(Node node, double width, double height, boolean inWindow, List<String> out) {
        if (!node.isVisible() || node.getOpacity() == 0) {
            return;
        }
        if (inWindow) {
            Bounds b = node.localToScene(node.getLayoutBounds());
            if (b.getWidth() > 0 && b.getHeight() > 0 && (b.getMinX() < -SLACK || b.getMinY() < -SLACK
                    || b.getMaxX() > width + SLACK || b.getMaxY() > height + SLACK)) {
                out.add("outside the " + Math.round(width) + "x" + Math.round(height) + " window: " + describe(node)
                        + String.format(java.util.Locale.ROOT, " at x %.0f..%.0f, y %.0f..%.0f", b.getMinX(),
                        b.getMaxX(), b.getMinY(), b.getMaxY()));
                // Its children are outside too; one line says it.
                inWindow = false;
            }
        }
        if (node instanceof Labeled labeled) {
            elided(labeled).ifPresent(out::add);
        }
        if (node instanceof Text cell && cell.getStyleClass().contains("sb-cell-text")) {
            brokenWord(cell).ifPresent(out::add);
        }
        if (node instanceof javafx.scene.control.TabPane tabs) {
            // Tab headers that do not fit slide under an overflow menu: a tab the user cannot see is cut off.
            Bounds pane = tabs.localToScene(tabs.getLayoutBounds());
            for (Node tab : tabs.lookupAll(".tab")) {
                Bounds b = tab.localToScene(tab.getLayoutBounds());
                if (tab.isVisible() && b.getMaxX() > pane.getMaxX() + SLACK) {
                    out.add("tab header past its tab pane: " + describe(tabs) + " "
                            + ((javafx.scene.control.Labeled) tab.lookup(".tab-label")).getText());
                }
            }
        }
        if (node instanceof Parent parent) {
            boolean clipsChildren = node.getClip() != null || node instanceof ScrollPane
                    || node.getClass().getSimpleName().equals("VirtualFlow");
            for (Node child : parent.getChildrenUnmodifiable()) {
                walk(child, width, height, inWindow && !clipsChildren, out);
            }
        }
    }

    /** A table cell's word wider than the cell: it wraps inside the word ("Control-ro / om"). */
    private static java.util.Optional<String> brokenWord(Text cell) {
        double room = cell.getWrappingWidth();
        if (room <= 0 || cell.getText() == null) {
            return java.util.Optional.empty();
        }
        for (String word : cell.getText().split("\\s+")) {
            Text probe = new Text(word);
            probe.setFont(cell.getFont());
            if (probe.getLayoutBounds().getWidth() > room + 0.5) {
                return java.util.Optional.of("word broken inside a table cell: \"" + word + "\" of \""
                        + cell.getText() + "\" in " + describe(cell));
            }
        }
        return java.util.Optional.empty();
    }

    private static java.util.Optional<String> elided(Labeled labeled) {
        String set = labeled.getText();
        if (set == null || set.isEmpty()) {
            return java.util.Optional.empty();
        }
        for (Node child : labeled.getChildrenUnmodifiable()) {
            if (child instanceof Text shown && child.getClass().getSimpleName().equals("LabeledText")) {
                String text = shown.getText();
                String ellipsis = labeled.getEllipsisString();
                boolean cut = text == null || !text.equals(set)
                        || !ellipsis.isEmpty() && text.endsWith(ellipsis) && !set.endsWith(ellipsis);
                return cut ? java.util.Optional.of("cut short: " + describe(labeled) + " shows \"" + text
                        + "\" of \"" + set + "\"") : java.util.Optional.empty();
            }
        }
        return java.util.Optional.empty();
    }

    private static String describe(Node node) {
        StringBuilder path = new StringBuilder();
        for (Node n = node; n != null && path.length() < 160; n = n.getParent()) {
            String name = n.getId() != null ? "#" + n.getId() : n.getClass().getSimpleName();
            path.insert(0, path.isEmpty() ? name : name + " > ");
            if (n.getId() != null && n != node) {
                break;
            }
        }
        if (node instanceof Labeled l && l.getText() != null) {
            path.append(" \"").append(l.getText().length() > 40 ? l.getText().substring(0, 40) + "…" : l.getText())
                    .append('"');
        }
        return path.toString();
    }
}
