/// <reference lib="webworker" />
import type { GraphModel } from './graph-model';
import { layoutGraph } from './layout';

// Runs dagre off the main thread so a 1,000-node layout never blocks scrolling or polling.
self.onmessage = (event: MessageEvent<{ key: string; model: GraphModel }>) => {
  const { key, model } = event.data;
  try {
    self.postMessage({ key, layout: layoutGraph(model) });
  } catch (error) {
    self.postMessage({ key, error: error instanceof Error ? error.message : String(error) });
  }
};
