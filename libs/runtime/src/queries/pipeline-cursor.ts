import { EngineError } from '@bamboo/engine';

// The cursor is the instance row id of the last item (ids grow with creation time, so "newest first"
// is "id descending"); it is wrapped so that clients treat it as opaque.
export function encodePipelineCursor(rowId: number): string {
  return Buffer.from(`p:${rowId}`).toString('base64url');
}

export function decodePipelineCursor(cursor: string): number {
  const match = /^p:(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw new EngineError('VALIDATION_FAILED', 'cursor: not a cursor returned by this API');
  return Number(match[1]);
}
