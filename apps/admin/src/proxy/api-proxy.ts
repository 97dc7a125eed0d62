import { request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';

// Hop-by-hop headers describe one connection and must not be forwarded (RFC 9110 §7.6.1).
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'upgrade',
  'te',
  'trailer',
]);

function forwardable(headers: IncomingMessage['headers']): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name.toLowerCase())) out[name] = value;
  }
  return out;
}

/**
 * Streams console requests for `/api/...` to the REST API, so the console talks to the API on its
 * own origin (no CORS) and the admin process needs no database or queue. Answers 502 in the API's
 * envelope when the API cannot be reached.
 */
export function createApiProxy(apiBase: URL): (req: IncomingMessage, res: ServerResponse, next: () => void) => void {
  const send = apiBase.protocol === 'https:' ? httpsRequest : httpRequest;
  return (req, res) => {
    const target = new URL(req.originalUrl ?? req.url ?? '/', apiBase);
    const upstream = send(
      target,
      { method: req.method, headers: { ...forwardable(req.headers), host: target.host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, forwardable(answer.headers));
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (res.headersSent) return res.destroy();
      res.writeHead(502, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          result: false,
          message: `the REST API at ${apiBase.origin} cannot be reached`,
          data: null,
          error: { code: 'BAD_GATEWAY', type: 'ProxyError', detail: {} },
        }),
      );
    });
    req.pipe(upstream);
  };
}

declare module 'node:http' {
  interface IncomingMessage {
    /** Set by Express before mounting strips the prefix. */
    originalUrl?: string;
  }
}
