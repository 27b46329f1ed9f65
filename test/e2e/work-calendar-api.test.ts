import { createDataSource } from '../../persistence/data-source';
import { importArrangement } from '../../worker/calendar/calendar-operations';
import type { OfficerRole } from '../../workflows/definitions/case';
import { startApiAlone, type ApiAlone } from '../../tooling/stacks/api-alone';
import { createOwnDatabase, type OwnDatabase } from '../../tooling/postgres/own-database';

/**
 * api-contract `GET /v1/calendar` (R-CAL-3): the holiday arrangements' rest days and make-up working days of a range,
 * for a date picker. The API alone (no Temporal needed), on a database of its own: this file imports an arrangement.
 */
let db: OwnDatabase;
let api: ApiAlone;
beforeAll(async () => {
  db = await createOwnDatabase('work_calendar_api');
  api = await startApiAlone({ DATABASE_URL: db.url });
});
afterAll(async () => {
  await api?.close();
  await db?.drop();
});

const calendar = (query: string, role: OfficerRole = 'municipal', headers?: Record<string, string>) =>
  api.call('GET', `/v1/calendar?${query}`, {
    token: api.token(role, role === 'district' ? '500112' : undefined),
    headers,
  });
const named = (body: { details: Array<{ field: string; rule?: string }> }) =>
  body.details.map(({ field, rule }) => ({ field, rule }));

describe('GET /v1/calendar (R-CAL-3)', () => {
  it('R-CAL-3 every signed-in role reads National Day 2026: its rest days and the make-up working days', async () => {
    for (const role of ['district', 'municipal', 'expert', 'finance'] as const) {
      const answer = await calendar('from=2026-09-28&to=2026-10-11', role);
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({
        from: '2026-09-28',
        to: '2026-10-11',
        calendarVersion: expect.stringMatching(/^chinese-days@\d/),
        provisionalYears: [],
        days: [
          ...['01', '02', '03', '04', '05', '06', '07'].map((day) => ({
            date: `2026-10-${day}`,
            kind: 'rest',
            reason: '国庆节',
            provisional: false,
          })),
          { date: '2026-10-10', kind: 'working', reason: '国庆节调休', provisional: false }, // the Saturday worked
        ],
      });
    }
    // 2026-09-20, the Sunday worked before it, and no ordinary weekend.
    const september = await calendar('from=2026-09-01&to=2026-09-24');
    expect(september.body.days).toEqual([
      { date: '2026-09-20', kind: 'working', reason: '国庆节调休', provisional: false },
    ]);
  });

  it('R-CAL-3 a year without an arrangement lists its law-fixed holidays, provisional until imported', async () => {
    const before = await calendar('from=2031-09-01&to=2031-10-31');
    expect(before.body).toMatchObject({
      provisionalYears: [2031],
      days: [
        { date: '2031-10-01', kind: 'rest', reason: '中秋节、国庆节', provisional: true }, // 15th of the 8th lunar month
        { date: '2031-10-02', kind: 'rest', reason: '国庆节', provisional: true },
        { date: '2031-10-03', kind: 'rest', reason: '国庆节', provisional: true },
      ],
    });
    const dataSource = await createDataSource(db.url).initialize();
    try {
      const { digest } = await importArrangement(dataSource, {
        year: 2031,
        source: '国办发明电（测试）',
        restDays: { '2031-10-01': '国庆节', '2031-10-02': '国庆节', '2031-10-03': '国庆节' },
        workdays: { '2031-09-28': '国庆节调休' },
      });
      const after = await calendar('from=2031-09-01&to=2031-10-31');
      expect(after.body).toMatchObject({
        calendarVersion: expect.stringContaining(`+2031:${digest}`),
        provisionalYears: [],
        days: [
          { date: '2031-09-28', kind: 'working', reason: '国庆节调休', provisional: false },
          { date: '2031-10-01', kind: 'rest', reason: '国庆节', provisional: false },
          { date: '2031-10-02', kind: 'rest', reason: '国庆节', provisional: false },
          { date: '2031-10-03', kind: 'rest', reason: '国庆节', provisional: false },
        ],
      });
    } finally {
      await dataSource.destroy();
    }
  });

  it('R-CAL-3 years before the installed data are not provisional; past 2100 only fixed-day holidays', async () => {
    // The fuzzer's find: the lunar table was read for year 1 and the API answered 500.
    expect(await calendar('from=0001-01-01&to=0001-12-31')).toMatchObject({
      status: 200,
      body: { provisionalYears: [], days: [] },
    });
    const farFuture = await calendar('from=2101-01-01&to=2101-12-31');
    expect(farFuture.status).toBe(200);
    expect(farFuture.body.provisionalYears).toEqual([2101]);
    expect([...new Set(farFuture.body.days.map((day: { reason: string }) => day.reason.replace('补休', '')))]).toEqual([
      '元旦',
      '劳动节',
      '国庆节',
    ]);
  });

  it('R-CAL-1/R-CAL-3 to before from, or more than 366 days after it, is 422 naming to', async () => {
    const backwards = await calendar('from=2026-10-08&to=2026-10-01');
    expect(backwards.status).toBe(422);
    expect(named(backwards.body)).toEqual([{ field: 'to', rule: 'R-CAL-1' }]);

    expect((await calendar('from=2026-01-01&to=2027-01-02')).status).toBe(200); // 366 days after
    const tooLong = await calendar('from=2026-01-01&to=2027-01-03');
    expect(tooLong.status).toBe(422);
    expect(named(tooLong.body)).toEqual([{ field: 'to', rule: 'R-CAL-3' }]);
    expect(tooLong.body.details[0].message).toBe('to：至多为 from 之后 366 天（R-CAL-3）');
    const english = await calendar('from=2026-01-01&to=2027-01-03', 'municipal', { 'accept-language': 'en' });
    expect(english.body.details[0].message).toBe('to must be at most 366 days after from (R-CAL-3)');
  });

  it('R-CAL-1 from and to must be real Chongqing days, both given; no other parameter', async () => {
    const refused = async (query: string) => {
      const answer = await calendar(query);
      expect(answer.status).toBe(422);
      return named(answer.body);
    };
    expect(await refused('from=2026-02-30&to=2026-03-31')).toEqual([{ field: 'from', rule: 'R-CAL-1' }]);
    expect(await refused('from=2026-01-01T00:00:00Z&to=2026-03-31')).toEqual([{ field: 'from', rule: 'R-CAL-1' }]);
    expect(await refused('from=2026-01-01')).toEqual([{ field: 'to', rule: 'R-CAL-1' }]);
    expect(await refused('from=2026-01-01&to=2026-01-31&kind=rest')).toEqual([{ field: 'kind', rule: undefined }]);
  });

  it('without a token it is 401', async () => {
    const answer = await api.call('GET', '/v1/calendar?from=2026-10-01&to=2026-10-08');
    expect({ status: answer.status, error: answer.body.error }).toEqual({ status: 401, error: 'unauthorized' });
  });
});
