import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

interface LintMessage {
  ruleId: string | null;
  line: number;
  message: string;
}

// The dependency rules of ARCHITECTURE.md are enforced by ESLint; this proves the rule bites.
// ESLint runs in a child process because its flat config is an ES module jest cannot import.
describe('engine dependency boundary', () => {
  jest.setTimeout(120_000);

  it('rejects Nest, TypeORM and Bull imports inside libs/engine', () => {
    const root = path.resolve(__dirname, '../../..');
    const fixture = path.join(__dirname, 'lint-fixtures/forbidden-import.fixture.ts');
    const eslintBin = path.join(root, 'node_modules/eslint/bin/eslint.js');
    const run = spawnSync(process.execPath, [eslintBin, '--no-ignore', '--format', 'json', fixture], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    const [report] = JSON.parse(run.stdout) as { messages: LintMessage[] }[];
    const restricted = report!.messages.filter((m) => m.ruleId === 'no-restricted-imports');
    expect(restricted.map((m) => m.line)).toEqual([2, 3, 4]);
    expect(restricted[0]!.message).toContain('pure TypeScript');
  });
});
