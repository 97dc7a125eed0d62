import type { IncomingMessage } from 'node:http';
import { hasRequestBody, isJsonContentType, mediaTypeOf } from './json-body';

describe('JSON request bodies', () => {
  it('takes application/json and the application/*+json types, parameters and case aside', () => {
    const json = [
      'application/json',
      'application/json; charset=utf-8',
      'Application/JSON',
      ' application/json ;charset="UTF-8"',
      'application/vnd.api+json',
      'application/merge-patch+json; charset=utf-8',
      'application/problem+json',
      'application/vnd.example.v2+json',
    ];
    for (const type of json) expect([type, isJsonContentType(type)]).toEqual([type, true]);
  });

  it('refuses every other type, and a missing one', () => {
    const other = [
      undefined,
      '',
      'text/plain',
      'text/json',
      'application/jsonp',
      'application/json-seq',
      'application/+json',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/octet-stream',
      'application/xml',
      'application/vnd.api+json+xml',
      'image/svg+json',
    ];
    for (const type of other) expect([type, isJsonContentType(type)]).toEqual([type, false]);
  });

  it('names the media type without its parameters', () => {
    expect(mediaTypeOf('text/plain; charset=utf-8')).toBe('text/plain');
    expect(mediaTypeOf(undefined)).toBe('');
  });

  it('sees a body in a positive Content-Length or a transfer coding', () => {
    const withHeaders = (headers: Record<string, string>) => ({ headers }) as unknown as IncomingMessage;
    expect(hasRequestBody(withHeaders({ 'content-length': '12' }))).toBe(true);
    expect(hasRequestBody(withHeaders({ 'transfer-encoding': 'chunked' }))).toBe(true);
    expect(hasRequestBody(withHeaders({ 'content-length': '0' }))).toBe(false);
    expect(hasRequestBody(withHeaders({}))).toBe(false);
  });
});
