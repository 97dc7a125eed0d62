import type { GraphModel } from './graph-model';
import { layoutGraph, type LayoutResult } from './layout';

type Reply = { key: string; layout?: LayoutResult; error?: string };

// Layouts are memoised by tree id: a tree as run never changes, so polling states never re-lays out.
const cache = new Map<string, Promise<LayoutResult>>();
const pending = new Map<string, { resolve: (layout: LayoutResult) => void; reject: (error: Error) => void }>();
let worker: Worker | null | undefined;

function getWorker(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<Reply>) => {
      const waiting = pending.get(event.data.key);
      pending.delete(event.data.key);
      if (!waiting) return;
      if (event.data.layout) waiting.resolve(event.data.layout);
      else waiting.reject(new Error(event.data.error ?? 'layout failed'));
    };
    worker.onerror = () => {
      // A worker that cannot start (CSP, old browser) falls back to the main thread.
      worker = null;
      for (const [key, waiting] of pending) waiting.reject(new Error(`layout worker failed for ${key}`));
      pending.clear();
    };
  } catch {
    worker = null;
  }
  return worker;
}

function layoutInWorker(key: string, model: GraphModel): Promise<LayoutResult> {
  const target = getWorker();
  if (!target) return Promise.resolve().then(() => layoutGraph(model));
  return new Promise<LayoutResult>((resolve, reject) => {
    pending.set(key, { resolve, reject });
    target.postMessage({ key, model });
  }).catch(() => layoutGraph(model));
}

export function layoutFor(model: GraphModel): Promise<LayoutResult> {
  let result = cache.get(model.id);
  if (!result) {
    result = layoutInWorker(model.id, model);
    cache.set(model.id, result);
    result.catch(() => cache.delete(model.id));
  }
  return result;
}
