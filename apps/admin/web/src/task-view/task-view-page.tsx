import { useCallback, useEffect, useMemo, useState } from 'react';
import { api } from '../api/client';
import { StateBadge } from '../components/state-badge';
import { findElement, subTreeAt } from '../graph/graph-model';
import { PipelineGraph, type BranchPick } from '../graph/pipeline-graph';
import { useGraphLayout } from '../graph/use-graph-layout';
import { formatTime } from '../lib/format';
import { formatHash, navigate, type Route } from '../lib/router';
import { flattenStates, progressOf } from '../lib/states';
import { usePolling } from '../lib/use-polling';
import { Breadcrumb } from './breadcrumb';
import { recordGraphMetrics, type GraphMetrics } from './graph-metrics';
import { NodePanel } from './node-panel';
import { PipelineActions } from './pipeline-actions';
import { ProgressSummary } from './progress-summary';

const LIVE_MS = 2000;
const IDLE_MS = 10000;

/** One task: its graph coloured by live states, the progress, and the selected node's panel. */
export function TaskViewPage({ pipelineId, route }: { pipelineId: string; route: Route }) {
  const path = useMemo(() => (route.query.get('path') ?? '').split(',').filter(Boolean), [route.query]);
  const selectedId = route.query.get('node');
  const go = (nextPath: string[], node?: string | null): void =>
    navigate(formatHash(['tasks', pipelineId], { path: nextPath.join(',') || undefined, node: node ?? undefined }));

  const detail = usePolling(
    useCallback(() => api.getPipeline(pipelineId), [pipelineId]),
    pipelineId,
    0,
  );
  // A finished or revoked run changes no more: poll it slowly (a retry elsewhere may still reopen a node).
  const [idle, setIdle] = useState(false);
  const states = usePolling(
    useCallback(() => api.getStates(pipelineId), [pipelineId]),
    pipelineId,
    idle ? IDLE_MS : LIVE_MS,
  );
  const stateMap = useMemo(() => flattenStates(states.data ?? {}), [states.data]);
  const root = stateMap.get(pipelineId);
  useEffect(() => setIdle(root?.state === 'FINISHED' || root?.state === 'REVOKED'), [root?.state]);

  const tree = useMemo(() => (detail.data ? subTreeAt(detail.data.tree, path) : undefined), [detail.data, path]);
  const graph = useGraphLayout(tree);
  const progress = useMemo(
    () => progressOf(graph.model?.nodes.map((node) => node.id) ?? [], stateMap),
    [graph.model, stateMap],
  );
  const [metrics, setMetrics] = useState<GraphMetrics | null>(null);
  const [pick, setPick] = useState<BranchPick | null>(null);
  const element = tree && selectedId ? findElement(tree, selectedId) : undefined;

  const onPainted = (): void => {
    if (!graph.model || !graph.layout) return;
    const measured: GraphMetrics = {
      treeId: graph.model.id,
      nodeCount: graph.model.nodes.length,
      edgeCount: graph.model.edges.length,
      layoutMs: graph.layout.ms,
      layoutWallMs: graph.arrivedAt - graph.startedAt,
      firstPaintMs: performance.now() - graph.startedAt,
    };
    recordGraphMetrics(measured);
    setMetrics(measured);
  };
  const onPickEdge = (flowId: string): void => {
    if (!pick || !tree) return;
    const multiple = tree.gateways[pick.gatewayId]?.type === 'ConditionalParallelGateway';
    const chosen = new Set(multiple ? pick.chosen : []);
    if (chosen.has(flowId)) chosen.delete(flowId);
    else chosen.add(flowId);
    setPick({ gatewayId: pick.gatewayId, chosen });
  };
  const refreshAll = (): void => {
    states.refresh();
  };

  if (detail.error) return <div className="page error-banner">{detail.error}</div>;
  if (!detail.data) return <div className="page muted">Loading task…</div>;
  const summary = detail.data;
  return (
    <section className="task-view">
      <header className="page-header">
        <a href={formatHash(['tasks'])}>← Tasks</a>
        <h1>{summary.name || pipelineId}</h1>
        <StateBadge state={root?.state ?? summary.state} />
        <span className="muted">created {formatTime(summary.created_time)}</span>
        <PipelineActions pipelineId={pipelineId} state={root?.state ?? summary.state} onDone={refreshAll} />
      </header>
      <Breadcrumb
        tree={detail.data.tree}
        rootLabel={summary.name || pipelineId}
        path={path}
        onNavigate={(p) => go(p)}
      />
      <ProgressSummary progress={progress} root={path.length ? stateMap.get(path[path.length - 1] ?? '') : root} />
      {states.error && <div className="error-banner">states: {states.error}</div>}
      <div className="task-body">
        {!tree && <div className="error-banner">This subprocess is not in the tree.</div>}
        {graph.error && <div className="error-banner">layout failed: {graph.error}</div>}
        {graph.model && graph.layout ? (
          <PipelineGraph
            model={graph.model}
            layout={graph.layout}
            states={stateMap}
            selectedId={selectedId}
            branchPick={pick}
            onSelectNode={(id) => go(path, id)}
            onOpenSubprocess={(id) => go([...path, id])}
            onPickEdge={onPickEdge}
            onPainted={onPainted}
          />
        ) : (
          <div className="graph muted">Laying out…</div>
        )}
        {tree && element && (
          <NodePanel
            key={element.id}
            tree={tree}
            element={element}
            polledState={stateMap.get(element.id)}
            rootState={root?.state}
            pick={pick}
            setPick={setPick}
            onOpenSubprocess={(id) => go([...path, id])}
            onClose={() => go(path)}
            onChanged={refreshAll}
          />
        )}
      </div>
      {metrics && (
        <footer className="muted graph-metrics" data-testid="graph-metrics">
          {metrics.nodeCount} nodes · layout {metrics.layoutMs.toFixed(0)} ms · first paint{' '}
          {metrics.firstPaintMs.toFixed(0)} ms
        </footer>
      )}
    </section>
  );
}
