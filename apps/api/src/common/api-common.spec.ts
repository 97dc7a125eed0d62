import { Body, Controller, Get, type INestApplication, Module, Post } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, Reflector } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { EngineError, LockContentionError } from '@bamboo/engine';
import { Type } from 'class-transformer';
import { IsInt, IsString, Max, Min, ValidateNested } from 'class-validator';
import request from 'supertest';
import { ApiExceptionFilter } from './api-exception.filter';
import { type ApiTokens, BearerAuthGuard } from './bearer-auth.guard';
import { EnvelopeInterceptor } from './envelope.interceptor';
import { Public } from './public.decorator';
import { RequestIdMiddleware } from './request-id.middleware';
import { createApiValidationPipe } from './validation.pipe';

class OptionsDto {
  @IsInt()
  @Min(0)
  @Max(255)
  priority!: number;
}

class CommandDto {
  @IsString()
  name!: string;

  @ValidateNested()
  @Type(() => OptionsDto)
  options!: OptionsDto;
}

@Controller('things')
class ThingsController {
  @Get()
  list(): string[] {
    return ['a'];
  }

  @Public()
  @Get('public')
  open(): string {
    return 'open';
  }

  @Post()
  create(@Body() body: CommandDto): CommandDto {
    return body;
  }

  @Post('conflict')
  conflict(): never {
    throw new EngineError('INVALID_OPERATION', 'node e1 is not FAILED');
  }

  @Post('cycle')
  cycle(): never {
    throw new EngineError('TREE_CYCLE', 'pipeline graph has circle', { error_data: ['a', 'b', 'a'] });
  }

  @Post('contended')
  contended(): never {
    throw new LockContentionError(
      4,
      Object.assign(new Error('Deadlock found when trying to get lock'), { errno: 1213 }),
    );
  }

  @Post('boom')
  boom(): never {
    throw new Error('secret stack detail');
  }
}

async function appWith(tokens: ApiTokens): Promise<INestApplication> {
  @Module({
    controllers: [ThingsController],
    providers: [
      { provide: APP_FILTER, useClass: ApiExceptionFilter },
      { provide: APP_INTERCEPTOR, useClass: EnvelopeInterceptor },
      {
        provide: APP_GUARD,
        useFactory: (reflector: Reflector) => new BearerAuthGuard(reflector, tokens),
        inject: [Reflector],
      },
    ],
  })
  class TestModule {}
  const moduleRef = await Test.createTestingModule({ imports: [TestModule] }).compile();
  const app = moduleRef.createNestApplication({ bodyParser: true, logger: false });
  const middleware = new RequestIdMiddleware();
  app.use(middleware.use.bind(middleware));
  app.useGlobalPipes(createApiValidationPipe());
  await app.init();
  return app;
}

describe('API conventions (envelope, errors, validation, auth)', () => {
  let app: INestApplication;

  beforeAll(async () => {
    app = await appWith({});
  });

  afterAll(async () => {
    await app.close();
  });

  it('wraps results in the envelope and echoes a request id', async () => {
    const response = await request(app.getHttpServer()).get('/things').set('X-Request-Id', 'req-42').expect(200);
    expect(response.body).toEqual({ result: true, message: 'success', data: ['a'], error: null });
    expect(response.headers['x-request-id']).toBe('req-42');
  });

  it('replaces an unsafe request id with a generated one', async () => {
    const response = await request(app.getHttpServer())
      .get('/things')
      .set('X-Request-Id', 'bad id with spaces and {braces}')
      .expect(200);
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('names the nested field of a failed validation (400 VALIDATION_FAILED)', async () => {
    const response = await request(app.getHttpServer())
      .post('/things')
      .send({ name: 'x', options: { priority: 300 } })
      .expect(400);
    expect(response.body.result).toBe(false);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    expect(response.body.message).toContain('options.priority must not be greater than 255');
  });

  it('refuses unknown fields', async () => {
    const response = await request(app.getHttpServer())
      .post('/things')
      .send({ name: 'x', options: { priority: 1 }, extra: true })
      .expect(400);
    expect(response.body.message).toContain('property extra should not exist');
  });

  it('maps INVALID_OPERATION to 409 and tree errors to 422 PIPELINE_INVALID', async () => {
    const conflict = await request(app.getHttpServer()).post('/things/conflict').expect(409);
    expect(conflict.body.error).toEqual({
      code: 'INVALID_OPERATION',
      type: 'EngineError',
      detail: { engine_code: 'INVALID_OPERATION' },
    });
    const cycle = await request(app.getHttpServer()).post('/things/cycle').expect(422);
    expect(cycle.body.error.code).toBe('PIPELINE_INVALID');
    expect(cycle.body.error.detail).toEqual({ engine_code: 'TREE_CYCLE', error_data: ['a', 'b', 'a'] });
  });

  it('answers a write refused for lock conflicts as a 409 VERSION_CONFLICT the client may send again', async () => {
    const response = await request(app.getHttpServer()).post('/things/contended').expect(409);
    expect(response.body.error).toEqual({
      code: 'VERSION_CONFLICT',
      type: 'LockContentionError',
      detail: { engine_code: 'LOCK_CONTENTION', attempts: 4 },
    });
    expect(response.body.message).toContain('nothing was applied, retry it');
    expect(JSON.stringify(response.body)).not.toContain('Deadlock found');
  });

  it('hides internal errors behind 500 INTERNAL', async () => {
    const response = await request(app.getHttpServer()).post('/things/boom').expect(500);
    expect(response.body.error.code).toBe('INTERNAL');
    expect(JSON.stringify(response.body)).not.toContain('secret stack detail');
  });

  it('answers malformed JSON with 400', async () => {
    const response = await request(app.getHttpServer())
      .post('/things')
      .set('Content-Type', 'application/json')
      .send('{"name": ')
      .expect(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('answers unknown routes with 404 NOT_FOUND in the envelope', async () => {
    const response = await request(app.getHttpServer()).get('/nowhere').expect(404);
    expect(response.body.error.code).toBe('NOT_FOUND');
  });
});

describe('bearer token guard', () => {
  let app: INestApplication;

  beforeAll(async () => {
    app = await appWith({ token: 'full-secret', readToken: 'read-secret' });
  });

  afterAll(async () => {
    await app.close();
  });

  it('refuses a request without a token (401)', async () => {
    const response = await request(app.getHttpServer()).get('/things').expect(401);
    expect(response.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a wrong token (401) and accepts the right one', async () => {
    await request(app.getHttpServer()).get('/things').set('Authorization', 'Bearer nope').expect(401);
    await request(app.getHttpServer()).get('/things').set('Authorization', 'Bearer full-secret').expect(200);
  });

  it('lets the read token read but not command (403)', async () => {
    await request(app.getHttpServer()).get('/things').set('Authorization', 'Bearer read-secret').expect(200);
    const response = await request(app.getHttpServer())
      .post('/things/conflict')
      .set('Authorization', 'Bearer read-secret')
      .expect(403);
    expect(response.body.error.code).toBe('FORBIDDEN');
  });

  it('lets public routes through without a token', async () => {
    await request(app.getHttpServer()).get('/things/public').expect(200);
  });
});
