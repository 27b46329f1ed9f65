import type { Schema } from '../api/client';
import { STATUS_COLOURS } from '../theme';

type Target = Schema<'DesignationStats'>['target'];

/**
 * R-STAT-1: how the programme target stands — met, not met, or not judged yet (`met` is null until its year has
 * ended) — as its catalogue key under `console.lists.stats` and its tag colour.
 */
export function targetOutcome({ met }: Target): { key: 'met' | 'notMet' | 'notJudged'; colour: string } {
  if (met === null) return { key: 'notJudged', colour: STATUS_COLOURS.waiting };
  return met ? { key: 'met', colour: STATUS_COLOURS.done } : { key: 'notMet', colour: STATUS_COLOURS.attention };
}
