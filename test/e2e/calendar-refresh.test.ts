import { installedArrangements, workCalendarOf } from '../../persistence/reference/holiday-arrangements';
import type { HolidayArrangement } from '../../workflows/definitions/work-calendar';
import { nextWorkingDay } from '../../workflows/lifecycle/working-days';
import { calendarCoverage, importArrangement, refreshOpenCases } from '../../worker/calendar/calendar-operations';
import { HttpDriver } from '../../tooling/http/http-driver';
import { createOwnDatabase, type OwnDatabase } from '../../tooling/postgres/own-database';
import { startStack, type Stack } from '../../tooling/stacks/in-process-stack';

/**
 * Issue 15 item 4, R-CAL-3 "when it arrives, pending deadlines are recomputed": an operator imports a year's
 * arrangement (`npm run calendar -- import`), a Temporal batch operation signals every open case, and each case
 * moves its pending deadlines — recorded in its history. Its own database: the import must not reach other suites.
 */
let db: OwnDatabase;
let stack: Stack;
let driver: HttpDriver;
beforeAll(async () => {
  db = await createOwnDatabase('calendar_refresh');
  stack = await startStack({ env: { DATABASE_URL: db.url } });
  driver = new HttpDriver(stack);
});
afterAll(async () => {
  await stack?.teardown();
  await db?.drop();
});

describe('R-CAL-3 a new holiday arrangement reaches the open cases', () => {
  it('R-CAL-3 an imported holiday on a pending deadline moves it to the next working day, in its history', async () => {
    const designated = await driver.designated();
    const caseId = designated.caseId as string;
    const before = designated.deadlines.find((d: { kind: string }) => d.kind === 'payment_confirmation');
    expect(before).toMatchObject({ calendarVersion: expect.stringMatching(/^chinese-days@/) });
    const day: string = before.dueDate;

    // The bureau publishes that day as a holiday (a drill: the installed arrangement of the year, plus that day).
    const year = Number(day.slice(0, 4));
    const installed = installedArrangements().find((a) => a.year === year);
    const arrangement: HolidayArrangement = {
      year,
      source: '演练：国办发明电（测试）',
      restDays: { ...installed?.restDays, [day]: '演练假日' },
      workdays: { ...installed?.workdays },
    };
    const { digest } = await importArrangement(stack.dataSource, arrangement);
    expect((await calendarCoverage(stack.dataSource)).imported).toEqual([{ year, source: arrangement.source, digest }]);
    const refreshed = await refreshOpenCases(stack.env.client);
    expect(refreshed.failed).toBe(0);
    expect(refreshed.signalled).toBeGreaterThanOrEqual(1);

    // As the case's run reads it: the next year provisional (R-CAL-3), should the day move into it.
    const moved = nextWorkingDay(workCalendarOf([arrangement], year - 1, year + 1), day);
    const after = await driver.until(`/v1/cases/${caseId}`, driver.municipal(), (c) =>
      c.deadlines.some((d: { shiftedFrom: string | null }) => d.shiftedFrom === day),
    );
    expect(after.deadlines.find((d: { kind: string }) => d.kind === 'payment_confirmation')).toEqual({
      kind: 'payment_confirmation',
      dueDate: moved,
      dueAt: `${moved}T16:00:00.000Z`,
      shiftedFrom: day,
      reason: '演练假日',
      provisional: moved.startsWith(`${year + 1}-`), // R-CAL-3: a year without an arrangement
      calendarVersion: expect.stringContaining(`+${year}:${digest}`),
    });
    // The list across cases says it as the case view does (R-CAL-3), from the read model.
    const listed = await driver.until(
      `/v1/deadlines?kind=payment_confirmation&from=${moved}&to=${moved}`,
      driver.municipal(),
      (page) =>
        page.items.some(
          (d: { caseId: string; shiftedFrom: string | null }) => d.caseId === caseId && d.shiftedFrom === day,
        ),
    );
    expect(listed.items.find((d: { caseId: string }) => d.caseId === caseId)).toMatchObject({
      dueDate: moved,
      shiftedFrom: day,
      reason: '演练假日',
      provisional: moved.startsWith(`${year + 1}-`),
    });
    const history = await driver.ok('GET', `/v1/cases/${caseId}/history`, { token: driver.municipal() });
    const recomputed = history.items.filter((e: { action: string }) => e.action === 'deadlines_recomputed');
    expect(recomputed).toEqual([
      expect.objectContaining({
        actor: { id: 'system', role: 'system' },
        details: {
          calendarVersion: { from: before.calendarVersion, to: expect.stringContaining(`+${year}:${digest}`) },
          moved: [{ kind: 'payment_confirmation', from: day, to: moved }],
        },
      }),
    ]);
  });

  it('R-CAL-3 a file with a day outside its year or a weekday make-up day is refused, naming each field', async () => {
    const bad = { year: 2031, source: 'x', restDays: { '2030-12-31': '元旦' }, workdays: { '2031-01-08': '春节调休' } };
    await expect(importArrangement(stack.dataSource, bad)).rejects.toThrow(
      /restDays\.2030-12-31: not a day of 2031[\s\S]*workdays\.2031-01-08: must be a Saturday or Sunday/,
    );
    expect((await calendarCoverage(stack.dataSource)).imported.map((a) => a.year)).not.toContain(2031);
  });
});
