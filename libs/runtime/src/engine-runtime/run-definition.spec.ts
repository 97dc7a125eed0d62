import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBambooDataSource } from '../persistence';
import { describePrepareConformance } from './conformance/run-definition.conformance';
import { StatementCounter } from './conformance/statement-counter.conformance';

const directory = mkdtempSync(join(tmpdir(), 'bamboo-prepare-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));
const counter = new StatementCounter();

describePrepareConformance(
  'SQLite, one statement at a time',
  () =>
    createBambooDataSource(
      { database: { kind: 'sqlite', path: join(directory, 'bamboo.sqlite') } },
      { overrides: { logger: counter } },
    ).initialize(),
  { counter, batched: false },
);
