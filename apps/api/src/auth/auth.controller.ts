import { Get, Inject, Req } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import type { Request } from 'express';
import { ApiController } from '../common/api-controller.decorator';
import { API_TOKENS, type ApiTokens, scopeOf } from '../common/bearer-auth.guard';

/** Lets the admin console hide operations from read-only users. */
@ApiController('auth', 'auth')
export class AuthController {
  constructor(@Inject(API_TOKENS) private readonly tokens: ApiTokens) {}

  @Get('whoami')
  @ApiOperation({ summary: "The caller's scope: 'full' or 'read'" })
  whoami(@Req() request: Request): { scope: 'full' | 'read' } {
    return { scope: scopeOf(request, this.tokens) ?? 'full' };
  }
}
