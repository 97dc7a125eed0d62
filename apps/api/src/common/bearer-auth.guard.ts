import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Request } from 'express';
import { IS_PUBLIC } from './public.decorator';

export interface ApiTokens {
  /** Full access (`BAMBOO_API_TOKEN`); unset disables authentication. */
  token?: string;
  /** Read-only access (`BAMBOO_API_READ_TOKEN`). */
  readToken?: string;
}

export const API_TOKENS = Symbol('API_TOKENS');

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

// Hashing first gives equal-length buffers, so the comparison time does not reveal the token length.
function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

// Headers rather than Express's `request.header()`: the callback fast path sees Node's plain request.
function bearerOf(request: Pick<IncomingMessage, 'headers'>): string | undefined {
  const header = request.headers.authorization;
  const match = header ? /^Bearer\s+(.+)$/i.exec(header) : null;
  return match?.[1]?.trim();
}

/** The scope a request's token grants, or undefined when it grants none. No token configured: full. */
export function scopeOf(request: Pick<IncomingMessage, 'headers'>, tokens: ApiTokens): 'full' | 'read' | undefined {
  if (!tokens.token) return 'full';
  const given = bearerOf(request);
  if (!given) return undefined;
  if (sameSecret(given, tokens.token)) return 'full';
  if (tokens.readToken && sameSecret(given, tokens.readToken)) return 'read';
  return undefined;
}

/** Checks `Authorization: Bearer <token>`; the read token may only read (spec 00-README, issue 7). */
@Injectable()
export class BearerAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: ApiTokens,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (!this.tokens.token) return true;
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    const request = context.switchToHttp().getRequest<Request>();
    if (!bearerOf(request)) throw new UnauthorizedException('missing bearer token in the Authorization header');
    const scope = scopeOf(request, this.tokens);
    if (scope === 'full') return true;
    if (scope === 'read') {
      if (READ_METHODS.has(request.method)) return true;
      throw new ForbiddenException('the read-only token cannot run commands');
    }
    throw new UnauthorizedException('invalid bearer token');
  }
}
