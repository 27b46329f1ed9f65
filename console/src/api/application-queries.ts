import { useQuery } from '@tanstack/react-query';
import { answerOf, api } from './client';

/** More than a district has parks: its yearly reports due fit on one page. */
const REPORTS_DUE_LIMIT = 200;

/**
 * The yearly reports due and overdue across the cases the caller may see (`GET /v1/deadlines?kind=annual_report`,
 * earliest first; a district officer sees their district's). Names and days only: no text depends on the language.
 */
export const useReportsDue = (enabled: boolean) =>
  useQuery({
    queryKey: ['deadlines', 'annual_report'],
    queryFn: () =>
      answerOf(api.GET('/v1/deadlines', { params: { query: { kind: 'annual_report', limit: REPORTS_DUE_LIMIT } } })),
    enabled,
  });
