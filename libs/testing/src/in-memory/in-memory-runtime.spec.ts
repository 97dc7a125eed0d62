import { describeEngineConformance } from '../conformance';
import { InMemoryHarness } from './in-memory-harness';

describeEngineConformance('in-memory runtime', ({ catalog }) => Promise.resolve(new InMemoryHarness({ catalog })));

// Execute and poll tasks delivered twice (at-least-once queues): duplicates must change nothing.
describeEngineConformance('in-memory runtime, duplicate delivery', ({ catalog }) =>
  Promise.resolve(new InMemoryHarness({ catalog, duplicateDelivery: true })),
);
