import type { CivilDate } from './civil-date';

/**
 * The State Council's holiday arrangements as a case uses them (policy.md R-CAL-3), JSON-safe: read by a local
 * activity from the installed data (npm `chinese-days`) and the arrangements operators imported, once per run, its
 * answer recorded in the run's history — so an update of the data never changes a replayed history.
 */
export interface WorkCalendar {
  /** Which data: `chinese-days@1.5.7`, plus each imported year (`+2027:1a2b3c4d`). Recorded with deadlines. */
  version: string;
  /**
   * Years whose arrangement is published. Any other year is provisional (R-CAL-3): its weekends and the holidays the
   * law fixes rest, as far as the calendar reaches.
   */
  years: number[];
  /**
   * Statutory holidays and the rest days of their arrangement (weekends inside it too), with the holiday's name; in a
   * provisional year the law-fixed holidays and their make-up rest days (补休).
   */
  restDays: Record<CivilDate, string>;
  /** Make-up working days (调休上班): weekend days that are working days, with the holiday they make up for. */
  workdays: Record<CivilDate, string>;
}

/**
 * R-CAL-3: a run's calendar reaches this many years past the run's policy year, years without a published
 * arrangement resting on their law-fixed holidays (provisional): every deadline a run computes falls within it (a
 * report due next March, an evaluation three years on).
 */
export const CALENDAR_YEARS_AHEAD = 5;

/**
 * R-CAL-3 "never earlier than already announced": nominal day → the day its deadline was announced for, kept when
 * a newer arrangement would move that deadline earlier.
 */
export type DeadlineFloors = Record<CivilDate, CivilDate>;

/** A case's calendar in a run: the arrangements, and the deadlines a newer arrangement may not bring forward. */
export interface CaseCalendar extends WorkCalendar {
  floors: DeadlineFloors;
}

/**
 * The calendar as a case's state keeps it (and so every change record, answer and continue-as-new): which data, by
 * version, from which year, and the case's own floors — never the days themselves, which each run reads once.
 */
export interface CaseCalendarRef {
  version: string;
  /** The first year the case reads (the year before it opened): the same in every run, so versions compare. */
  fromYear: number;
  floors: DeadlineFloors;
}

/**
 * Why a deadline moved off its day (the case view's `reason`): the holiday's name, or the weekday — or, when R-CAL-3's
 * "never earlier than already announced" kept it on the day announced before a newer arrangement, that.
 */
export const REST_DAY_REASONS = { saturday: '周六', sunday: '周日', announced: '不早于已公布的期限' } as const;

/** One year's arrangement as published (国务院办公厅关于 N 年部分节假日安排的通知), installed or imported. */
export interface HolidayArrangement {
  year: number;
  /** Where it comes from: the notice, or the installed package. */
  source: string;
  restDays: Record<CivilDate, string>;
  workdays: Record<CivilDate, string>;
}
