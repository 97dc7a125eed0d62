import { describeEngineConformance } from '../conformance';
import { InMemoryHarness } from './in-memory-harness';

describeEngineConformance('in-memory runtime', ({ catalog, settings }) =>
  Promise.resolve(new InMemoryHarness({ catalog, settings })),
);

// Execute, poll and rollback tasks delivered twice (at-least-once queues): duplicates must change nothing.
describeEngineConformance('in-memory runtime, duplicate delivery', ({ catalog, settings }) =>
  Promise.resolve(new InMemoryHarness({ catalog, settings, duplicateDelivery: true })),
);
