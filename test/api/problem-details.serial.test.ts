import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { MAX_BODY_BYTES, MAX_CODEC_BODY_BYTES } from '../../apps/api/src/http/request-body';
import { OpenApiDocument, Route, routesOf, urlOf } from './support/openapi-routes';
import { newcomer } from '../support/newcomers';
import { ListeningApi, RawResponse, send, startListeningApi } from './support/listening-api';
import { problemResponseViolations } from './support/problem-schema';

/**
 * Every route of the OpenAPI document, sent bad input of every kind: each answer is a 4xx RFC 9457 problem
 * details document (application/problem+json) that satisfies the schema, names the bad field where a field is at
 * fault, and nothing is written.
 */
describe('problem details on every route', () => {
  let api: ListeningApi;
  let routes: Route[];
  /** A trajectory of IN-Gent: commands on it reach their body's validation for callers who may see it. */
  let trajectoryId: string;

  beforeAll(async () => {
    api = await startListeningApi();
    const document = (await send(api.baseUrl, 'get', '/docs-json')).body as OpenApiDocument;
    routes = routesOf(document);
    const opened = await send(api.callerFor({ action: 'trajectory.open' }), 'post', '/trajectories', {
      text: JSON.stringify(newcomer()),
      contentType: 'application/json',
    });
    expect(opened.status).toBe(201);
    trajectoryId = (opened.body as { trajectoryId: string }).trajectoryId;
  });
  afterAll(() => api?.close());

  const goodPath = (route: Route, overrides: Record<string, string> = {}) =>
    urlOf(route, {
      id: randomUUID(),
      importId: randomUUID(),
      violationId: 'x%3Aviolation%3A1',
      pillar: 'MO',
      ...overrides,
    });
  const json = (value: unknown) => ({ text: JSON.stringify(value), contentType: 'application/json' });

  function expectProblem(response: RawResponse, status: number, what: string): void {
    expect({ what, status: response.status, violations: problemResponseViolations(response) }).toEqual({
      what,
      status,
      violations: [],
    });
  }

  function fieldsOf(response: RawResponse): string[] {
    const body = response.body as { errors?: Array<{ field: string }> };
    return (body.errors ?? []).map((error) => error.field);
  }

  it('lists the routes it walks', () => {
    expect(routes.length).toBeGreaterThan(30);
    expect(routes.filter((route) => route.body).length).toBeGreaterThan(20);
  });

  it('answers bad bodies with problem details naming the field', async () => {
    const before = await api.countEvents();
    const beyondScope: string[] = [];
    for (const route of routes.filter((candidate) => candidate.body)) {
      const url = goodPath(route, { id: trajectoryId });
      const label = `${route.method.toUpperCase()} ${route.path}`;
      // Access is checked before the body: a caller who may not see the trajectory gets 404 for any body.
      const probe = await send(api.callerFor(route), route.method, url, json({ bogus: 1 }));
      const reachesValidation = probe.status !== 404;
      if (!reachesValidation) beyondScope.push(label);
      const invalid = reachesValidation ? 400 : 404;
      const stringField = Object.entries(route.body!.properties).find(
        ([, property]) => property.type === 'string',
      )?.[0];

      const malformed = await send(api.callerFor(route), route.method, url, {
        text: '{"a":',
        contentType: 'application/json',
      });
      expectProblem(malformed, 400, `${label} malformed JSON`);
      expect((malformed.body as { type: string }).type).toBe('urn:inburgering:problem:malformed-json');

      const wrongType = await send(api.callerFor(route), route.method, url, {
        text: 'a=1',
        contentType: 'application/x-www-form-urlencoded',
      });
      expectProblem(wrongType, 415, `${label} form body`);
      expect((wrongType.body as { detail: string }).detail).toMatch(
        /Content-Type application\/x-www-form-urlencoded.*application\/json/,
      );

      const tooLarge = await send(
        api.callerFor(route),
        route.method,
        url,
        // The codec endpoint takes a history's payloads in one batch: its limit is its own.
        json({
          padding: 'x'.repeat(route.path.startsWith('/codec/') ? MAX_CODEC_BODY_BYTES : MAX_BODY_BYTES),
        }),
      );
      expectProblem(tooLarge, 413, `${label} too large`);

      const deep = await send(api.callerFor(route), route.method, url, {
        text: `{"a":${'['.repeat(3000)}${']'.repeat(3000)}}`,
        contentType: 'application/json',
      });
      expectProblem(deep, invalid, `${label} 6 KB of nested arrays`);
      if (reachesValidation) expect(fieldsOf(deep)[0]).toMatch(/^a\.0\.0/);

      for (const name of ['bogus', 'constructor', '__proto__', 'prototype']) {
        const unknown = await send(api.callerFor(route), route.method, url, {
          text: `{"${name}":{"x":1}}`,
          contentType: 'application/json',
        });
        expectProblem(unknown, invalid, `${label} unknown field ${name}`);
        if (reachesValidation) expect(fieldsOf(unknown)).toContain(name);
      }

      if (reachesValidation && route.body!.required.length) {
        const empty = await send(api.callerFor(route), route.method, url, json({}));
        expectProblem(empty, 400, `${label} empty body`);
        const fields = fieldsOf(empty);
        expect(fields).toEqual(expect.arrayContaining(route.body!.required));
        expect(new Set(fields).size).toBe(fields.length); // one entry per field
      }

      if (reachesValidation && stringField) {
        for (const poison of ['abc\u0000def', 'abc\uD800', '\uDFFFx']) {
          const poisoned = await send(
            api.callerFor(route),
            route.method,
            url,
            json({ [stringField]: poison }),
          );
          expectProblem(poisoned, 400, `${label} ${stringField} with ${JSON.stringify(poison)}`);
          expect(fieldsOf(poisoned)).toContain(stringField);
        }
      }
    }
    // Only the enforcement officer's decision is out of reach: the officer sees trajectories with a violation file.
    expect(beyondScope).toEqual(['POST /trajectories/{id}/violations/{violationId}/decision']);
    expect(await api.countEvents()).toBe(before);
  });

  it('answers bad path parameters and query strings with problem details naming the field', async () => {
    const before = await api.countEvents();
    for (const route of routes) {
      const label = `${route.method.toUpperCase()} ${route.path}`;
      const body = route.body ? json({}) : undefined;
      if (route.pathParameters.includes('id')) {
        for (const id of [
          '42',
          'not-a-uuid',
          '%00',
          '%ED%A0%80',
          encodeURIComponent('\u0000' + randomUUID()),
        ]) {
          const response = await send(api.callerFor(route), route.method, goodPath(route, { id }), body);
          expect(response.status).toBeGreaterThanOrEqual(400);
          expect(response.status).toBeLessThan(500);
          expectProblem(response, response.status, `${label} id ${id}`);
        }
        // A command's body is checked alongside its id: either may be named first.
        const badId = await send(
          api.callerFor(route),
          route.method,
          goodPath(route, { id: 'not-a-uuid' }),
          body,
        );
        expect(fieldsOf(badId).length).toBeGreaterThan(0);
        if (!route.body) expect(fieldsOf(badId)).toContain('id');
      }
      if (route.queryParameters.length) {
        // On a trajectory's route access is checked first: ask about one the caller sees.
        const url = goodPath(route, { id: trajectoryId });
        for (const name of ['bogus', 'constructor', '__proto__']) {
          const unknown = await send(api.callerFor(route), route.method, `${url}?${name}=1`);
          expectProblem(unknown, 400, `${label} unknown query parameter ${name}`);
          expect(fieldsOf(unknown)).toContain(name);
        }
        for (const name of route.queryParameters) {
          const poisoned = await send(api.callerFor(route), route.method, `${url}?${name}=a%00b`);
          expectProblem(poisoned, 400, `${label} ${name} with NUL`);
          expect(fieldsOf(poisoned)).toContain(name);
        }
      }
      if (route.pathParameters.includes('id') && route.method === 'get') {
        const unknownTrajectory = await send(api.callerFor(route), 'get', goodPath(route));
        expectProblem(unknownTrajectory, 404, `${label} unknown trajectory`);
      }
    }
    expect(await api.countEvents()).toBe(before);
  });

  it('answers an unknown route or method with problem details', async () => {
    expectProblem(await send(api.callerFor({}), 'get', '/no-such-route'), 404, 'unknown route');
    expectProblem(await send(api.callerFor({}), 'delete', '/trajectories'), 404, 'unknown method');
    expectProblem(
      await send(
        api.callerFor({}),
        'post',
        `/trajectories/${randomUUID()}/resumption`,
        json({ resumedOn: '2025-06-02' }),
      ),
      404,
      'command on an unknown trajectory',
    );
  });

  it('answers a request the HTTP parser refuses with problem details', async () => {
    const { port } = new URL(api.baseUrl);
    const raw = await new Promise<string>((resolveRaw, rejectRaw) => {
      let received = '';
      const socket = connect({ host: '127.0.0.1', port: Number(port) }, () =>
        socket.write('GET /health HTTP/1.1\r\nHost: x\r\nX-Actor: a\u0000b\r\n\r\n'),
      );
      socket.on('data', (chunk) => (received += chunk.toString('utf8')));
      socket.on('end', () => resolveRaw(received));
      socket.on('error', rejectRaw);
    });
    const [head, body] = raw.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 400/);
    expect(head).toMatch(/Content-Type: application\/problem\+json/);
    expect(
      problemResponseViolations({
        status: 400,
        contentType: 'application/problem+json',
        body: JSON.parse(body!),
      }),
    ).toEqual([]);
  });

  it('documents the problem details shape for the error answers', async () => {
    const document = (await send(api.baseUrl, 'get', '/docs-json')).body as {
      paths: Record<
        string,
        Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>
      >;
      components: { schemas: Record<string, { required?: string[] }> };
    };
    expect(document.components.schemas.ErrorBody?.required).toEqual(
      expect.arrayContaining(['type', 'title', 'status', 'detail']),
    );
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        for (const [status, response] of Object.entries(operation.responses)) {
          if (Number(status) >= 400) {
            expect({ path, method, status, types: Object.keys(response.content ?? {}) }).toEqual({
              path,
              method,
              status,
              types: ['application/problem+json'],
            });
          }
        }
      }
    }
  });
});
