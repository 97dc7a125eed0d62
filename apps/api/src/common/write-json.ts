import type { ServerResponse } from 'node:http';

/**
 * A JSON answer written on Node's plain response, byte for byte what Express's `res.json` sends
 * with this app's settings (no ETag, no JSON spaces or replacer): the callback fast path answers
 * before Express and must not be told apart from the controller.
 */
export function writeJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.statusCode = status;
  response.setHeader('Content-Type', 'application/json; charset=utf-8');
  response.setHeader('Content-Length', Buffer.byteLength(text));
  response.end(text);
}
