import {
  Body,
  Controller,
  Get,
  INestApplication,
  Logger,
  NotFoundException,
  Post,
  ServiceUnavailableException,
} from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { IsString } from 'class-validator';
import request from 'supertest';
import { because } from '../../../../libs/domain/src';
import { CommandRejectedException } from '../trajectories/command-failures';
import { ProblemDetailsFilter } from './problem-details.filter';
import { jsonBodyParser } from './request-body';
import { createValidationPipe } from './validation-errors';

class NoteDto {
  @IsString()
  text!: string;
}

@Controller()
class FailingController {
  @Get('unavailable')
  unavailable(): never {
    throw new ServiceUnavailableException('the trajectory service did not answer in time');
  }

  @Get('missing')
  missing(): never {
    throw new NotFoundException('trajectory 42 not found');
  }

  @Get('rejected')
  rejected(): never {
    throw new CommandRejectedException(
      because('BEFORE_INTAKE', { field: 'signedOn', earliest: '2026-03-16' }, 'signedOn'),
    );
  }

  @Get('broken')
  broken(): never {
    throw Object.assign(new Error('duplicate key'), { parameters: ['90041212377'] });
  }

  @Post('notes')
  note(@Body() body: NoteDto): NoteDto {
    return body;
  }
}

describe('ProblemDetailsFilter', () => {
  let app: INestApplication;
  const logged: unknown[] = [];

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ controllers: [FailingController] }).compile();
    app = moduleRef.createNestApplication({ bodyParser: false, logger: false });
    app.use(jsonBodyParser());
    app.useGlobalFilters(new ProblemDetailsFilter());
    app.useGlobalPipes(createValidationPipe());
    await app.init();
    // The 500 below is expected: what it logs is checked, not printed.
    jest.spyOn(Logger.prototype, 'error').mockImplementation((...args: unknown[]) => void logged.push(args));
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });
  afterAll(() => app?.close());

  async function problem(call: request.Test, status: number): Promise<Record<string, unknown>> {
    const response = await call;
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const body = JSON.parse(response.text) as Record<string, unknown>;
    expect(body).toMatchObject({
      type: expect.any(String),
      title: expect.any(String),
      status,
      detail: expect.any(String),
    });
    return body;
  }

  it('answers 503 and 404 as problems with the status as title', async () => {
    expect(await problem(request(app.getHttpServer()).get('/unavailable'), 503)).toMatchObject({
      type: 'about:blank',
      title: 'Service Unavailable',
      detail: 'the trajectory service did not answer in time',
      instance: '/unavailable',
    });
    expect(await problem(request(app.getHttpServer()).get('/missing?x=1'), 404)).toMatchObject({
      title: 'Not Found',
      detail: 'trajectory 42 not found',
      instance: '/missing',
    });
    expect(await problem(request(app.getHttpServer()).get('/nowhere'), 404)).toMatchObject({
      detail: 'Cannot GET /nowhere',
    });
  });

  it("keeps a rejection's domain code, field, reason and parameters as extension members", async () => {
    expect(await problem(request(app.getHttpServer()).get('/rejected'), 422)).toEqual({
      type: 'urn:inburgering:problem:rule-violation',
      title: "The command breaks one of the trajectory's rules",
      status: 422,
      detail: 'signedOn must not be before the intake on 2026-03-16',
      code: 'RULE_VIOLATION',
      field: 'signedOn',
      reason: 'BEFORE_INTAKE',
      params: { field: 'signedOn', earliest: '2026-03-16' },
      instance: '/rejected',
    });
  });

  it('answers an unexpected error with a 500 that tells nothing, and logs no SQL parameters', async () => {
    const body = await problem(request(app.getHttpServer()).get('/broken'), 500);
    expect(JSON.stringify(body)).not.toMatch(/duplicate|9004/);
    expect(JSON.stringify(logged)).toMatch(/duplicate key/);
    expect(JSON.stringify(logged)).not.toMatch(/90041212377/);
  });

  it('says when the body is not JSON, is malformed or too large', async () => {
    const server = app.getHttpServer();
    expect(
      await problem(request(server).post('/notes').set('Content-Type', 'text/plain').send('hello'), 415),
    ).toMatchObject({ detail: expect.stringMatching(/Content-Type text\/plain.*application\/json/) });
    expect(
      await problem(
        request(server).post('/notes').set('Content-Type', 'application/json').send('{"text":'),
        400,
      ),
    ).toMatchObject({ type: 'urn:inburgering:problem:malformed-json' });
    expect(
      await problem(
        request(server)
          .post('/notes')
          .send({ text: 'x'.repeat(70_000) }),
        413,
      ),
    ).toMatchObject({ type: 'urn:inburgering:problem:payload-too-large' });
    expect(await problem(request(server).post('/notes'), 400)).toMatchObject({
      errors: [{ field: 'text', detail: 'text must be a string' }],
    });
  });
});
