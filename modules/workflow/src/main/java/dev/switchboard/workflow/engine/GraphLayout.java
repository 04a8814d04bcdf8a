package dev.switchboard.workflow.engine;

import dev.switchboard.workflow.model.TaskSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.elk.alg.layered.LayeredLayoutProvider;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Places a workflow's tasks left to right in layers by their dependencies, with Eclipse ELK's layered algorithm
 * (Sugiyama: layering, crossing minimisation, node placement), used as a plain library without OSGi.
 */
public final class GraphLayout {

    /** Where a node goes: its top-left corner. */
    public record Point(double x, double y) {
    }

    private static volatile boolean registered;

    private GraphLayout() {
    }

    /** Which way the layers follow each other. */
    public enum Flow {
        /** Left to right: for a wide, low view (a run's graph above its task list). */
        ACROSS,
        /** Top to bottom: for a view taller than wide (the designer's canvas beside the YAML). */
        DOWN
    }

    /** Positions for {@code tasks} (boxes of {@code width} × {@code height}), by task id, left to right. */
    public static Map<String, Point> layout(List<TaskSpec> tasks, double width, double height) {
        return layout(tasks, width, height, Flow.ACROSS);
    }

    /** Positions for {@code tasks} (boxes of {@code width} × {@code height}), by task id, layered as {@code flow}. */
    public static Map<String, Point> layout(List<TaskSpec> tasks, double width, double height, Flow flow) {
        register();
        ElkNode root = ElkGraphUtil.createGraph();
        root.setProperty(CoreOptions.DIRECTION, flow == Flow.DOWN ? Direction.DOWN : Direction.RIGHT);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE, 30.0);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 60.0);
        Map<String, ElkNode> nodes = new LinkedHashMap<>();
        for (TaskSpec t : tasks) {
            ElkNode n = ElkGraphUtil.createNode(root);
            n.setIdentifier(t.id());
            n.setDimensions(width, height);
            nodes.put(t.id(), n);
        }
        for (TaskSpec t : tasks) {
            for (String dep : t.dependsOn()) {
                ElkNode from = nodes.get(dep);
                if (from != null && !dep.equals(t.id())) {
                    ElkGraphUtil.createSimpleEdge(from, nodes.get(t.id()));
                }
            }
        }
        new LayeredLayoutProvider().layout(root, new BasicProgressMonitor());
        Map<String, Point> out = new LinkedHashMap<>();
        nodes.forEach((id, n) -> out.put(id, new Point(n.getX(), n.getY())));
        return out;
    }

    private static void register() {
        if (!registered) {
            synchronized (GraphLayout.class) {
                if (!registered) {
                    LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
                    registered = true;
                }
            }
        }
    }
}
