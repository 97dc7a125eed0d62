import { escape, format, type SqlValue, type Timezone } from 'mysql2';

/**
 * Shorter strings are escaped mysql2's way: the saving of `textLiteral` only shows on long texts
 * (JSON documents), and below this the two ways cost the same.
 */
const LONG_TEXT = 256;

/** Characters mysql2 escapes by name (`\n`, `\0`, ...): a text holding one is escaped mysql2's way. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\0\b\t\n\r\x1a]/;
const QUOTE_OR_BACKSLASH = /['\\]/;
const QUOTES_AND_BACKSLASHES = /['\\]/g;

/** SQL texts split at their placeholders kept; past it the cache starts over. */
const MAX_TEXTS = 2000;
/** Stands for a value while a text is split; no SQL text of ours holds a NUL. */
const SENTINEL = '\u0000bamboo:value\u0000';
const MARK = { toSqlString: () => SENTINEL };

/** A statement's SQL text (`?` placeholders) and its values. */
export interface SqlStatement {
  readonly sql: string;
  readonly params: readonly unknown[];
}

/** The settings of mysql2's connection that decide how it writes a value (its `config`). */
export interface ValueFormat {
  readonly timezone?: Timezone;
  readonly stringifyObjects?: boolean;
}

/**
 * The values to give mysql2's `query` with a text from `queryText`: `formatUnlessPreformatted`
 * then sends the text as it is. (mysql2 formats every text, values or not, scanning it whole.)
 */
export const PREFORMATTED: readonly SqlValue[] = Object.freeze([]);

/**
 * mysql2's `queryFormat` for the data source: a text with `PREFORMATTED` values is sent as it is;
 * every other text is formatted exactly as mysql2 does by default.
 */
export function formatUnlessPreformatted(
  this: { config: ValueFormat },
  sql: string,
  values: SqlValue | readonly SqlValue[] | undefined,
  timezone?: Timezone,
): string {
  if (values === PREFORMATTED) return sql;
  return format(sql, values as SqlValue | SqlValue[] | undefined, this.config.stringifyObjects, timezone);
}

/**
 * `value` as a single-quoted literal for a connection with backslash escapes (mysql2 always
 * formats for one). Inside single quotes only the quote and the backslash are special, so only
 * they are escaped; mysql2 also escapes every double quote, which a JSON text is full of: a 10 KB
 * pipeline tree took 132 µs its way and 38-52 µs this way.
 */
export function textLiteral(value: string): string {
  return QUOTE_OR_BACKSLASH.test(value) ? `'${value.replace(QUOTES_AND_BACKSLASHES, '\\$&')}'` : `'${value}'`;
}

/**
 * The statements as one multi-statement text with their values written in, for mysql2's `query`
 * with `PREFORMATTED` values; `mark` (a comment) follows every statement after the first. What
 * mysql2 would send, made cheaper: each SQL text is split at its placeholders once (by mysql2's
 * own formatter, so the same `?` count as placeholders) instead of scanned on every call, which
 * skipped quoted identifiers one by one (a step's 46-column SELECT has ~180); values are written by
 * mysql2's `escape` with the connection's settings, long texts by `textLiteral`.
 */
export function queryText(statements: readonly SqlStatement[], settings: ValueFormat, mark = ''): string {
  return statements
    .map((statement, i) => {
      const text = statementText(statement, settings);
      return i === 0 || mark === '' ? text : `${text} ${mark}`;
    })
    .join(';\n');
}

/** By SQL text (RawTable's cached strings, so no key is built per call): its split, or null. */
const splits = new Map<string, readonly string[] | null>();

function statementText({ sql, params }: SqlStatement, settings: ValueFormat): string {
  if (params.length === 0) return sql;
  const parts = splitAtPlaceholders(sql, params.length);
  if (parts?.length !== params.length + 1) {
    return format(sql, params as SqlValue[], settings.stringifyObjects, settings.timezone);
  }
  let text = parts[0]!;
  for (let i = 0; i < params.length; i++) text += literal(params[i], settings) + parts[i + 1]!;
  return text;
}

/**
 * `sql` cut at its first `count` placeholders (as first asked: a text always comes with as many
 * values), or null when it holds the sentinel.
 */
function splitAtPlaceholders(sql: string, count: number): readonly string[] | null {
  let parts = splits.get(sql);
  if (parts === undefined) {
    parts = sql.includes('\u0000') ? null : format(sql, new Array<SqlValue>(count).fill(MARK)).split(SENTINEL);
    if (splits.size >= MAX_TEXTS) splits.clear();
    splits.set(sql, parts);
  }
  return parts;
}

function literal(value: unknown, settings: ValueFormat): string {
  if (typeof value === 'string' && value.length >= LONG_TEXT && !CONTROL.test(value)) return textLiteral(value);
  return escape(value as SqlValue, settings.stringifyObjects, settings.timezone);
}
