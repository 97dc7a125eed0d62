import { describe, expect, it } from 'vitest';
import type { StatesResponse } from '../api/types';
import { flattenStates, progressOf } from './states';
import { parseHash, formatHash } from './router';
import { parseJsonObject } from './format';

const entry = (id: string, state: string, children = {}) => ({
  id,
  state,
  root_id: 'p',
  parent_id: 'p',
  version: 'v',
  loop: 1,
  retry: 0,
  skip: false,
  error_ignorable: false,
  error_ignored: false,
  created_time: null,
  started_time: null,
  archived_time: null,
  children,
});

describe('states', () => {
  it('flattens the B.4 tree and counts progress buckets', () => {
    const response = { p: entry('p', 'RUNNING', { a: entry('a', 'FINISHED'), b: entry('b', 'FAILED') }) };
    const map = flattenStates(response as unknown as StatesResponse);
    expect([...map.keys()]).toEqual(['p', 'a', 'b']);
    expect(map.get('a')).not.toHaveProperty('children');
    expect(progressOf(['a', 'b', 'c'], map)).toEqual({ finished: 1, running: 0, failed: 1, not_started: 1 });
  });
});

describe('router and JSON editor helpers', () => {
  it('round-trips hash routes', () => {
    const hash = formatHash(['tasks', 'p 1'], { path: 'a,b', node: 'n' });
    expect(parseHash(hash).segments).toEqual(['tasks', 'p 1']);
    expect(parseHash(hash).query.get('path')).toBe('a,b');
  });

  it('accepts only JSON objects for retry inputs', () => {
    expect(parseJsonObject('{"a": 1}').value).toEqual({ a: 1 });
    expect(parseJsonObject('[1]').error).toBe('must be a JSON object');
    expect(parseJsonObject('{').error).toBeTruthy();
  });
});
