package dev.switchboard.places;

import java.util.Arrays;

/**
 * Strongly connected components of a directed graph in compressed adjacency form, by Tarjan's algorithm
 * written without recursion (a city's road graph is far deeper than a thread's stack). Written here rather
 * than taken from JGraphT because it runs on the road network's primitive arrays: a boxed graph of a few
 * hundred thousand nodes would cost more memory and time than the search itself.
 */
final class StrongComponents {

    private StrongComponents() {
    }

    /**
     * The component of each node, numbered from 0 in the order Tarjan's algorithm completes them.
     *
     * @param start edges of node u are {@code target[start[u] .. start[u + 1] - 1]}
     */
    static int[] of(int n, int[] start, int[] target) {
        int[] index = new int[n];
        int[] low = new int[n];
        int[] component = new int[n];
        Arrays.fill(index, -1);
        boolean[] onStack = new boolean[n];
        int[] stack = new int[n];
        int stackSize = 0;
        int[] callNode = new int[n];
        int[] callEdge = new int[n];
        int counter = 0;
        int components = 0;
        for (int root = 0; root < n; root++) {
            if (index[root] >= 0) {
                continue;
            }
            int depth = 0;
            callNode[0] = root;
            callEdge[0] = start[root];
            index[root] = counter;
            low[root] = counter;
            counter++;
            stack[stackSize++] = root;
            onStack[root] = true;
            while (depth >= 0) {
                int u = callNode[depth];
                if (callEdge[depth] < start[u + 1]) {
                    int v = target[callEdge[depth]++];
                    if (index[v] < 0) {
                        index[v] = counter;
                        low[v] = counter;
                        counter++;
                        stack[stackSize++] = v;
                        onStack[v] = true;
                        depth++;
                        callNode[depth] = v;
                        callEdge[depth] = start[v];
                    } else if (onStack[v]) {
                        low[u] = Math.min(low[u], index[v]);
                    }
                } else {
                    if (low[u] == index[u]) {
                        int w;
                        do {
                            w = stack[--stackSize];
                            onStack[w] = false;
                            component[w] = components;
                        } while (w != u);
                        components++;
                    }
                    depth--;
                    if (depth >= 0) {
                        int parent = callNode[depth];
                        low[parent] = Math.min(low[parent], low[u]);
                    }
                }
            }
        }
        return component;
    }
}
