import { useEffect, useMemo, useState } from 'react';
import type { PipelineTree } from '../api/types';
import { buildGraphModel, type GraphModel } from './graph-model';
import type { LayoutResult } from './layout';
import { layoutFor } from './layout-client';

export interface GraphLayout {
  model: GraphModel | undefined;
  layout: LayoutResult | undefined;
  error: string | null;
  /** performance.now() when the layout of this tree was asked for (first-paint measurement). */
  startedAt: number;
  /** performance.now() when the layout arrived back on the main thread. */
  arrivedAt: number;
}

/** The graph model of one tree level and its layout, computed once per tree id, off the render path. */
export function useGraphLayout(tree: PipelineTree | undefined): GraphLayout {
  const model = useMemo(() => (tree ? buildGraphModel(tree) : undefined), [tree]);
  const [result, setResult] = useState<{
    id: string;
    layout?: LayoutResult;
    error?: string;
    startedAt: number;
    arrivedAt: number;
  }>();
  useEffect(() => {
    if (!model) return;
    let cancelled = false;
    const startedAt = performance.now();
    layoutFor(model).then(
      (layout) => !cancelled && setResult({ id: model.id, layout, startedAt, arrivedAt: performance.now() }),
      (error: unknown) =>
        !cancelled && setResult({ id: model.id, error: String(error), startedAt, arrivedAt: performance.now() }),
    );
    return () => {
      cancelled = true;
    };
  }, [model]);
  const current = result && model && result.id === model.id ? result : undefined;
  return {
    model,
    layout: current?.layout,
    error: current?.error ?? null,
    startedAt: current?.startedAt ?? 0,
    arrivedAt: current?.arrivedAt ?? 0,
  };
}
