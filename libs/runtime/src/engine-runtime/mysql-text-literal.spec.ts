import { textLiteral, withTextLiterals } from './mysql-text-literal';

describe('textLiteral', () => {
  it('quotes a text without quotes or backslashes as it is', () => {
    expect(textLiteral('{"a":[1,"b"]}')).toBe(`'{"a":[1,"b"]}'`);
  });

  it('escapes single quotes and backslashes, and leaves double quotes alone', () => {
    expect(textLiteral(`it's a \\ "path"`)).toBe(`'it\\'s a \\\\ "path"'`);
    expect(textLiteral(`\\'`)).toBe(`'\\\\\\''`);
  });
});

describe('withTextLiterals', () => {
  const long = (text: string) => `${text}${'x'.repeat(300)}`;

  it('hands long texts over as literals and leaves every other value to mysql2', () => {
    const date = new Date(0);
    const [short, number, nil, when, text] = withTextLiterals(['short', 7, null, date, long(`o'k`)]);
    expect([short, number, nil, when]).toEqual(['short', 7, null, date]);
    expect((text as { toSqlString(): string }).toSqlString()).toBe(`'${long(`o\\'k`)}'`);
  });

  it('leaves a long text with a control character to mysql2, which escapes those by name', () => {
    for (const control of ['\0', '\b', '\t', '\n', '\r', '\x1a']) {
      const text = long(`a${control}b`);
      expect(withTextLiterals([text])).toEqual([text]);
    }
  });
});
