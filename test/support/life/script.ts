/**
 * The readable script of a life: one line per action, advance and timed event, short enough to follow a failing
 * life of hundreds of steps. Requests are shortened to what tells them apart, failures to their type and rule,
 * and a run of a timer series that changes nothing folds into one line.
 */
import { ApplicationFailure } from '@temporalio/common';
import type { ParkApplication } from '../../../workflows/definitions/application';
import type { CaseSnapshot } from '../../../workflows/definitions/case';
import type { ActionName, ResolvedAction } from './steps';

type Stage = CaseSnapshot['stage'];

/** Shortens a request for the script: the application as its shortfalls, no actor. */
export function describeRequest(name: ActionName, request: Record<string, unknown>): string {
  const { actor: _actor, ...rest } = request;
  if (name === 'submitApplication') {
    const app = rest.application as ParkApplication;
    const codes = new Set(app.agencies.map((a) => a.creditCode));
    return JSON.stringify({
      district: app.district,
      agencies: codes.size,
      ...(codes.size < app.agencies.length ? { duplicates: app.agencies.length - codes.size } : {}),
      floorAreaSqm: app.floorAreaSqm,
      functions: app.serviceFunctions.length,
      letter: !!app.documents.districtGovernmentLetter,
      measures: (app.documents.supportMeasures ?? []).length,
    });
  }
  if (name === 'annualReport') {
    const { subsidyUse: _use, staff: _staff, ...report } = rest.report as Record<string, unknown>;
    return JSON.stringify(report);
  }
  return JSON.stringify(rest);
}

/** A refusal as its failure type, field, rule and stage; anything else as its class and message. */
export function describeFailure(failure: unknown): string {
  if (failure instanceof ApplicationFailure) {
    const detail = (failure.details?.[0] ?? {}) as { field?: string; rule?: string; stage?: string };
    return (
      `${failure.type} ` +
      `${[detail.field, detail.rule, detail.stage && `stage ${detail.stage}`].filter(Boolean).join(' ')}`
    );
  }
  return (
    `${(failure as Error)?.constructor?.name ?? typeof failure}: ` + `${(failure as Error)?.message ?? String(failure)}`
  );
}

/** The start of an action's line: when, who (an expert by id) and what; the model appends how it ended. */
export function actionHead(clock: string, { name, request }: ResolvedAction): string {
  return (
    `${clock} ${request.actor.role}${request.actor.role === 'expert' ? ` ${request.actor.id}` : ''} ` +
    `${name} ${describeRequest(name, request)}`
  );
}

/**
 * Writes timer lines into a script. Consecutive firings of one series that leave the stage as it was (weekly
 * reminders over months) fold into the line of the first: `#first..#last ×count, last <instant>`.
 */
export class TimerLines {
  private last: { key: string; line: number; count: number } | undefined;

  constructor(private readonly log: string[]) {}

  /** The next firing starts a line of its own (something happened in between that the script must show). */
  break(): void {
    this.last = undefined;
  }

  /** Records the firing `index` of series `key` at `clock`, which moved the case from `before` to `stage`. */
  add(clock: string, key: string, index: number, before: Stage, stage: Stage): void {
    const changed = before !== stage;
    if (!changed && this.last?.key === key && this.last.line === this.log.length - 1) {
      this.last.count += 1;
      this.log[this.last.line] = this.log[this.last.line].replace(
        /( #\d+)(?:\.\.#\d+ ×\d+, last [^ ]+)?$/,
        `$1..#${index} ×${this.last.count}, last ${clock}`,
      );
      return;
    }
    this.log.push(`${clock}   timer ${key}${changed ? ` → ${stage}` : ''} #${index}`);
    this.last = changed ? undefined : { key, line: this.log.length - 1, count: 1 };
  }
}
