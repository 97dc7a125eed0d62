import { format } from 'mysql2';
import { PREFORMATTED, formatUnlessPreformatted, queryText, textLiteral } from './mysql-query-text';

const settings = { timezone: 'Z' as const, stringifyObjects: false };

describe('textLiteral', () => {
  it('quotes a text without quotes or backslashes as it is', () => {
    expect(textLiteral('{"a":[1,"b"]}')).toBe(`'{"a":[1,"b"]}'`);
  });

  it('escapes single quotes and backslashes, and leaves double quotes alone', () => {
    expect(textLiteral(`it's a \\ "path"`)).toBe(`'it\\'s a \\\\ "path"'`);
    expect(textLiteral(`\\'`)).toBe(`'\\\\\\''`);
  });
});

describe('queryText', () => {
  const sql = 'INSERT INTO `t` (`a`, `b`, `c`, `d`, `e`) VALUES (?, ?, ?, ?, ?) /* marked? */';

  it('writes values as mysql2 does, placeholders found by its formatter (not in comments or quotes)', () => {
    const params = [1, null, new Date(Date.UTC(2026, 10, 27, 18, 0, 0, 123)), `o'k "x" \\`, true];
    const reads = { sql: "SELECT `x` FROM `t` WHERE `y` = ? AND `z` = '?'", params: ['n?'] };
    expect(queryText([{ sql, params }, reads], settings)).toBe(
      `${format(sql, params, false, 'Z')};\n${format(reads.sql, reads.params, false, 'Z')}`,
    );
  });

  it('writes a long text as its textLiteral, and a long text with a control character as mysql2 does', () => {
    const json = JSON.stringify({ key: "it's".repeat(100) });
    const withNewline = `${'x'.repeat(300)}\n'`;
    const text = queryText([{ sql: 'SELECT ?, ?', params: [json, withNewline] }], settings);
    expect(text).toBe(`SELECT ${textLiteral(json)}, ${format('?', [withNewline])}`);
  });

  it('follows every statement after the first with the mark', () => {
    const statements = [
      { sql: 'SELECT ?', params: [1] },
      { sql: 'SELECT ?', params: [2] },
    ];
    expect(queryText(statements, settings, '/* m */')).toBe('SELECT 1;\nSELECT 2 /* m */');
  });

  it('leaves a text without values as it is', () => {
    expect(queryText([{ sql: 'COMMIT', params: [] }], settings)).toBe('COMMIT');
  });
});

describe('formatUnlessPreformatted', () => {
  const connection = { config: settings };

  it('sends a preformatted text as it is and formats any other text as mysql2 does', () => {
    expect(formatUnlessPreformatted.call(connection, 'SELECT ?', PREFORMATTED, 'Z')).toBe('SELECT ?');
    expect(formatUnlessPreformatted.call(connection, 'SELECT ?', [`a'b`], 'Z')).toBe(format('SELECT ?', [`a'b`]));
    expect(formatUnlessPreformatted.call(connection, 'SELECT ?', [], 'Z')).toBe('SELECT ?');
  });
});
