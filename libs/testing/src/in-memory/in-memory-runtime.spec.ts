import { describeEngineConformance } from '../conformance';
import { InMemoryHarness } from './in-memory-harness';

describeEngineConformance('in-memory runtime', ({ catalog }) => Promise.resolve(new InMemoryHarness({ catalog })));
