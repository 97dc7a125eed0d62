import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { map, type Observable } from 'rxjs';
import { type ApiEnvelope, successEnvelope } from './api-envelope';

/** Wraps every controller result of the REST API in the `{result, message, data, error}` envelope. */
@Injectable()
export class EnvelopeInterceptor implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<ApiEnvelope> {
    return next.handle().pipe(map((data: unknown) => successEnvelope(data)));
  }
}
