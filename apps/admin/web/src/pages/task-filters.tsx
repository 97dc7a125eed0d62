import { useState, type FormEvent } from 'react';
import type { PipelineListQuery } from '../api/types';

// The root states the task list accepts (GET /pipelines?state=, spec 01 §5 incl. rollback states).
const STATES = [
  '',
  'RUNNING',
  'SUSPENDED',
  'FAILED',
  'FINISHED',
  'REVOKED',
  'READY',
  'BLOCKED',
  'ROLLING_BACK',
  'ROLL_BACK_SUCCESS',
  'ROLL_BACK_FAILED',
];

/** `datetime-local` gives local wall time without a zone; the API wants ISO-8601 UTC. */
function toIso(local: string): string | undefined {
  if (!local) return undefined;
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

export function TaskFilters({ onApply }: { onApply: (filters: PipelineListQuery) => void }) {
  const [state, setState] = useState('');
  const [name, setName] = useState('');
  const [after, setAfter] = useState('');
  const [before, setBefore] = useState('');
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    onApply({
      state: state || undefined,
      name: name.trim() || undefined,
      created_after: toIso(after),
      created_before: toIso(before),
    });
  };
  return (
    <form className="filters" onSubmit={submit} data-testid="task-filters">
      <label>
        State
        <select value={state} onChange={(event) => setState(event.target.value)} data-testid="filter-state">
          {STATES.map((value) => (
            <option key={value} value={value}>
              {value || 'any'}
            </option>
          ))}
        </select>
      </label>
      <label>
        Name
        <input value={name} onChange={(event) => setName(event.target.value)} data-testid="filter-name" />
      </label>
      <label>
        Created after
        <input type="datetime-local" value={after} onChange={(event) => setAfter(event.target.value)} />
      </label>
      <label>
        Created before
        <input type="datetime-local" value={before} onChange={(event) => setBefore(event.target.value)} />
      </label>
      <button type="submit" className="primary" data-testid="filter-apply">
        Apply
      </button>
    </form>
  );
}
