import { uuidIdGenerator } from './uuid-id-generator';

describe('uuidIdGenerator', () => {
  it('makes prefix + 32 hex ids like bamboo-engine unique_id', () => {
    expect(uuidIdGenerator('e')).toMatch(/^e[0-9a-f]{32}$/);
    expect(uuidIdGenerator('f')).toMatch(/^f[0-9a-f]{32}$/);
    expect(uuidIdGenerator('p')).toMatch(/^p[0-9a-f]{32}$/);
  });

  it('does not repeat itself', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => uuidIdGenerator('e')));
    expect(ids.size).toBe(1000);
  });
});
