export interface GraphMetrics {
  treeId: string;
  nodeCount: number;
  edgeCount: number;
  /** dagre time inside the worker. */
  layoutMs: number;
  /** From asking for the layout to receiving it (worker start, transfer, dagre). */
  layoutWallMs: number;
  /** From asking for the layout to the second animation frame after React Flow initialised. */
  firstPaintMs: number;
}

declare global {
  interface Window {
    __bambooGraphMetrics?: GraphMetrics[];
  }
}

/** Kept on window so the browser tests (and an operator's devtools) can read the measurements. */
export function recordGraphMetrics(metrics: GraphMetrics): void {
  window.__bambooGraphMetrics = [...(window.__bambooGraphMetrics ?? []), metrics];
  console.info(
    `[bamboo-admin] graph ${metrics.treeId}: ${metrics.nodeCount} nodes, layout ${metrics.layoutMs.toFixed(0)} ms (${metrics.layoutWallMs.toFixed(0)} ms wall), first paint ${metrics.firstPaintMs.toFixed(0)} ms`,
  );
}
