import type { Schema } from '../api/client';

type View = Pick<Schema<'CaseView'>, 'deadlines' | 'reports' | 'designation'>;

/** R-RPT-1: the report for year N falls due in N + 1, so a report deadline names its year (a shift stays in N + 1). */
export const reportYearOf = (dueDate: string): number => Number(dueDate.slice(0, 4)) - 1;

/** A reporting year the case waits on, with its deadline. */
export interface DueReport {
  year: number;
  deadline: Schema<'CaseView'>['deadlines'][number];
}

/**
 * The yearly reports a case waits on, earliest first: its `annual_report` deadlines, from the first reporting year
 * (R-RPT-5) on, whose report has not arrived. The year still running is among them (its report is due next spring);
 * sending it early is refused by the API at the year, with the day it may be sent from.
 */
export function dueReports(view: View): DueReport[] {
  const first = view.designation?.firstReportingYear ?? -Infinity;
  const reported = new Set(view.reports.map((report) => report.year));
  return view.deadlines
    .filter((deadline) => deadline.kind === 'annual_report')
    .map((deadline) => ({ year: reportYearOf(deadline.dueDate), deadline }))
    .filter(({ year }) => year >= first && !reported.has(year))
    .sort((a, b) => a.year - b.year);
}
