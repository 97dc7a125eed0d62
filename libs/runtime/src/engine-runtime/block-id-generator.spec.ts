import { BlockIdGenerator } from './block-id-generator';

describe('BlockIdGenerator', () => {
  it('mints distinct 128-bit versions across refills of its random pool', () => {
    const ids = new BlockIdGenerator(() => Promise.resolve(1));
    const versions = Array.from({ length: 1000 }, () => ids.version());
    for (const version of versions) expect(version).toMatch(/^v[0-9a-f]{32}$/);
    expect(new Set(versions).size).toBe(versions.length);
  });

  it('mints ids of its reserved block', async () => {
    const ids = new BlockIdGenerator(() => Promise.resolve(3));
    await ids.start();
    expect([ids.id(), ids.id()]).toEqual([String(3 * 2 ** 20 + 1), String(3 * 2 ** 20 + 2)]);
  });
});
