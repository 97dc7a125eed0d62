import { applyDecorators, Controller, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { EnvelopeInterceptor } from './envelope.interceptor';

export const API_PREFIX = 'api/v1';

/** A controller of the REST API: under `/api/v1`, answers wrapped in the envelope, documented. */
export function ApiController(path: string, tag: string): ClassDecorator {
  return applyDecorators(
    Controller(`${API_PREFIX}/${path}`),
    UseInterceptors(EnvelopeInterceptor),
    ApiTags(tag),
    ApiBearerAuth(),
  );
}
