import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { answerOf, api, type Schema } from './client';

/** The reads the action forms need besides the case: the experts to form a panel from, and the work calendar. */

/** An officer of the directory (`GET /v1/officers`); an expert's `sub` is their id on panels. */
export type Officer = Schema<'OfficerView'>;

/** The directory's largest page (api/common/paging.ts MAX_PAGE_SIZE): the experts fit in one or two. */
const DIRECTORY_PAGE = 200;

/** Every expert of the officer directory, page after page (municipal only), by name. */
export const useExperts = () =>
  useQuery({
    queryKey: ['officers', 'expert'],
    queryFn: async () => {
      const experts: Officer[] = [];
      let cursor: string | undefined;
      do {
        const page = await answerOf(
          api.GET('/v1/officers', {
            params: { query: { role: 'expert', limit: DIRECTORY_PAGE, ...(cursor ? { cursor } : {}) } },
          }),
        );
        experts.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return experts.sort((a, b) => (a.name ?? a.sub).localeCompare(b.name ?? b.sub, 'zh-CN'));
    },
    staleTime: 5 * 60_000,
  });

/** The holiday rest days and make-up working days of a range (`GET /v1/calendar`, R-CAL-3). */
export type WorkCalendar = Schema<'CalendarView'>;

/**
 * The work calendar of `from`..`to` (Chongqing days, at most 366 apart): what a date picker greys out. The previous
 * range's answer is kept while the next loads, so paging a month does not flicker; arrangements change rarely.
 */
export const useWorkCalendar = (from: string, to: string) =>
  useQuery({
    queryKey: ['calendar', from, to],
    queryFn: () => answerOf(api.GET('/v1/calendar', { params: { query: { from, to } } })),
    placeholderData: keepPreviousData,
    staleTime: 60 * 60_000,
  });
