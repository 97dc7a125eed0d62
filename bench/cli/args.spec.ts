import { parseArgs } from './args';

describe('parseArgs', () => {
  it('defaults to the full distributed run of multi and big, five times', () => {
    expect(parseArgs([])).toMatchObject({
      modes: ['distributed'],
      workers: 2,
      workloads: ['multi', 'big'],
      repeat: 5,
      scale: 1,
    });
  });

  it('reads every option', () => {
    const args = parseArgs([
      '--mode=all',
      '--workers=1',
      '--workload=long,poll',
      '--repeat=1',
      '--scale=0.1',
      '--timeout=30',
      '--no-floor',
      '--keep',
      '--same-product',
    ]);
    expect(args).toMatchObject({
      modes: ['embedded', 'distributed'],
      workers: 1,
      workloads: ['long', 'poll'],
      repeat: 1,
      scale: 0.1,
      timeoutMs: 30_000,
      noFloor: true,
      keep: true,
      sameProduct: true,
    });
    expect(parseArgs([]).sameProduct).toBe(false);
    expect(parseArgs(['--env=BAMBOO_COMMIT_GROUP_SIZE=1', '--env=WORKER_CONCURRENCY=8']).productEnv).toEqual({
      BAMBOO_COMMIT_GROUP_SIZE: '1',
      WORKER_CONCURRENCY: '8',
    });
    expect(() => parseArgs(['--env=lower=1'])).toThrow('--env must be NAME=VALUE');
    expect(parseArgs(['--workload=all']).workloads).toEqual(['multi', 'big', 'long', 'poll', 'callbacks']);
  });

  it('rejects unknown values and servers off this machine', () => {
    expect(() => parseArgs(['--mode=cluster'])).toThrow(/--mode/);
    expect(() => parseArgs(['--workload=huge'])).toThrow(/huge/);
    expect(() => parseArgs(['--repeat=0'])).toThrow(/positive/);
    expect(() => parseArgs(['--frobnicate'])).toThrow(/unknown argument/);
    expect(() => parseArgs(['--mysql=mysql://root@db.example.com/x'])).toThrow(/loopback/);
  });
});
