import { PyError } from './expression-errors';

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&#34;',
  "'": '&#39;',
};

function htmlEscape(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] ?? ch);
}

/** Python `urllib.parse.quote_plus` over UTF-8: only `A-Za-z0-9_.-~` stay unescaped. */
function quotePlus(text: string): string {
  return encodeURIComponent(text)
    .replace(/[!'()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');
}

/** Applies Mako filters (spec 04 §6.5) in order to the already `str()`-converted text. */
export function applyFilters(text: string, filters: readonly string[]): string {
  let out = text;
  for (const filter of filters) {
    switch (filter) {
      case 'h':
      case 'x':
        out = htmlEscape(out);
        break;
      case 'u':
        out = quotePlus(out);
        break;
      case 'trim':
        out = out.trim();
        break;
      case 'n':
      case 'str':
      case 'unicode':
        break;
      default:
        throw new PyError('NameError', `filter '${filter}' is not supported`);
    }
  }
  return out;
}
