import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBambooDataSource } from '../persistence';
import { describeRawTableConformance } from './conformance/raw-table.conformance';

const directory = mkdtempSync(join(tmpdir(), 'bamboo-raw-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describeRawTableConformance('SQLite', () =>
  createBambooDataSource({ database: { kind: 'sqlite', path: join(directory, 'bamboo.sqlite') } }).initialize(),
);
