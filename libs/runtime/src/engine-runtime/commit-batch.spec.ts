import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBambooDataSource } from '../persistence';
import { describeCommitConformance } from './conformance/commit-batch.conformance';

const directory = mkdtempSync(join(tmpdir(), 'bamboo-commit-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describeCommitConformance(
  'SQLite, one statement at a time',
  () => createBambooDataSource({ database: { kind: 'sqlite', path: join(directory, 'bamboo.sqlite') } }).initialize(),
  { deadlocks: false },
);
