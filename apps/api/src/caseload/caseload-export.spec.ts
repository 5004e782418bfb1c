import { ServiceUnavailableException } from '@nestjs/common';
import { once } from 'node:events';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AuditTrail, PersonalDataAccess } from '../../../../libs/store/src/queries/audit-trail';
import type {
  CaseloadEntry,
  CaseloadFilter,
  TrajectoryQueries,
  WholeCaseloadReader,
} from '../../../../libs/store/src/read-models.types';
import type { AuditedRequest } from '../access/audit.interceptor';
import { CaseloadExport, EXPORTS_AT_ONCE } from './caseload-export';
import { WholeCaseloadQuery } from './dto/caseload.query';

/** How the export writes what the store reads (the reading itself: test/store/caseload-attention.test.ts). */
describe('CaseloadExport', () => {
  const entry = (index: number) =>
    ({ trajectoryId: `t-${index}`, givenName: 'Amina', familyName: `Name, "${index}"` }) as CaseloadEntry;
  const chunks = [[entry(1), entry(2)], [entry(3), entry(4)], [entry(5)]];
  let recorded: PersonalDataAccess[];
  let events: string[];
  let server: Server;
  let url: string;

  /** A store that hands its rows over as readWholeCaseload does: the trajectories, then the chunks. */
  const queries = {
    readWholeCaseload: async (_filter: CaseloadFilter, reader: WholeCaseloadReader) => {
      await reader.trajectories(chunks.flat().map((row) => row.trajectoryId));
      for (const chunk of chunks) {
        events.push(`rows ${chunk.length}`);
        await reader.rows(chunk);
      }
      return chunks.flat().length;
    },
  } as Partial<TrajectoryQueries> as TrajectoryQueries;
  const trail = {
    record: async (access: PersonalDataAccess) => {
      events.push('audit');
      recorded.push(access);
    },
  } as Partial<AuditTrail> as AuditTrail;

  beforeEach(async () => {
    recorded = [];
    events = [];
    const exporter = new CaseloadExport(queries, trail);
    server = createServer((request: IncomingMessage, response: ServerResponse) => {
      const audited = Object.assign(request, {
        principal: { subject: 'manager-gent', role: 'manager', organisation: 'IN_GENT' },
        audit: { action: 'caseload.list', purpose: undefined, outsideCaseload: false },
        path: '/caseload/export',
      }) as unknown as AuditedRequest;
      const format = request.url?.includes('csv') ? 'csv' : 'json';
      void exporter.write({
        query: Object.assign(new WholeCaseloadQuery(), { agency: 'IN_GENT' }),
        scope: {},
        format,
        request: audited,
        response,
      });
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterEach(() => server.close());

  it('audits every trajectory before the first byte, then writes valid JSON a chunk at a time', async () => {
    const answer = await fetch(`${url}/json`);
    expect(answer.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await answer.json()).toEqual({ total: 5, items: chunks.flat() });
    expect(events).toEqual(['audit', 'rows 2', 'rows 2', 'rows 1']);
    expect(recorded).toEqual([
      expect.objectContaining({
        actor: 'manager-gent',
        resource: '/caseload/export',
        status: 200,
        trajectoryIds: ['t-1', 't-2', 't-3', 't-4', 't-5'],
      }),
    ]);
  });

  it('writes CSV under one header, a line per case, quoted as RFC 4180 asks', async () => {
    const answer = await fetch(`${url}/csv`);
    expect(answer.headers.get('content-disposition')).toBe('attachment; filename="caseload.csv"');
    const lines = (await answer.text()).split('\r\n');
    expect(lines[0]).toMatch(/^trajectoryId,givenName,familyName,status,/);
    expect(lines.slice(1, -1).map((line) => line.split(',"')[0])).toEqual([
      't-1,Amina',
      't-2,Amina',
      't-3,Amina',
      't-4,Amina',
      't-5,Amina',
    ]);
    expect(lines[1]).toContain('"Name, ""1"""');
    expect(lines.at(-1)).toBe('');
  });

  it(`runs at most ${EXPORTS_AT_ONCE} exports at once and answers another 503 with Retry-After`, async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const held = new CaseloadExport(
      {
        readWholeCaseload: async () => gate.then(() => 0),
      } as Partial<TrajectoryQueries> as TrajectoryQueries,
      trail,
    );
    const response = () => ({
      setHeader: jest.fn(),
      write: jest.fn(() => true),
      end: jest.fn(),
      destroyed: false,
    });
    const query = Object.assign(new WholeCaseloadQuery(), { agency: 'IN_GENT' });
    const request = {} as AuditedRequest;
    const running = Array.from({ length: EXPORTS_AT_ONCE }, () =>
      held.write({
        query,
        scope: {},
        format: 'csv',
        request,
        response: response() as unknown as ServerResponse,
      }),
    );
    const refused = response();
    await expect(
      held.write({
        query,
        scope: {},
        format: 'csv',
        request,
        response: refused as unknown as ServerResponse,
      }),
    ).rejects.toThrow(ServiceUnavailableException);
    expect(refused.setHeader).toHaveBeenCalledWith('Retry-After', '5');
    release();
    await Promise.all(running);
    // Once they are done, the next one runs.
    await expect(
      held.write({
        query,
        scope: {},
        format: 'csv',
        request,
        response: response() as unknown as ServerResponse,
      }),
    ).resolves.toBeUndefined();
  });
});
