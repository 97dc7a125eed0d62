import type { DataSource } from 'typeorm';
import { OPEN_GATE, SerialGate, type Gate } from './serial-gate';

const gates = new WeakMap<DataSource, Gate>();

/** One gate per data source: every runtime sharing a SQLite connection shares its gate. */
export function gateFor(dataSource: DataSource): Gate {
  let gate = gates.get(dataSource);
  if (!gate) {
    gate = dataSource.options.type === 'better-sqlite3' ? new SerialGate() : OPEN_GATE;
    gates.set(dataSource, gate);
  }
  return gate;
}
