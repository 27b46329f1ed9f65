import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { answerOf, api, type Schema } from './client';
import { useMe } from './queries';

/** One entry of a case's audit trail, its actor typed as the API records it (`{ id, role, issuer? }`). */
export type HistoryEntry = Omit<Schema<'HistoryEntry'>, 'actor'> & {
  actor: { id: string; role: string; district?: string; issuer?: string };
};

/** A case's audit trail, newest first (`GET /v1/cases/{caseId}/history`; its details carry no translated text). */
export function useCaseHistory(caseId: string) {
  return useQuery({
    queryKey: ['case', caseId, 'history'],
    queryFn: async (): Promise<HistoryEntry[]> => {
      const { items } = await answerOf(api.GET('/v1/cases/{caseId}/history', { params: { path: { caseId } } }));
      // ISO instants order as text; entries of one instant (a sort is stable) end up in reverse of their recording.
      return (items as HistoryEntry[])
        .slice()
        .reverse()
        .sort((a, b) => b.at.localeCompare(a.at));
    },
  });
}

const NOTICE_PAGE = 20;

/** The caller's notices of one case, newest first, page after page (`GET /v1/notifications?caseId=`). */
export function useCaseNotices(caseId: string) {
  const { i18n } = useTranslation();
  return useInfiniteQuery({
    queryKey: ['notifications', 'case', caseId, i18n.language],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      answerOf(
        api.GET('/v1/notifications', {
          params: { query: { caseId, limit: NOTICE_PAGE, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

/** The directory's largest page: a bureau's officers fit in a few. */
const DIRECTORY_PAGE = 200;

/**
 * Officers' display names by id, from the officer directory (`GET /v1/officers`, the municipal bureau's only): for
 * any other role the directory is not asked, and the names lookup finds nothing, so callers show the id.
 */
export function useOfficerNames(): (id: string) => string | undefined {
  const { data: me } = useMe();
  const { data: names } = useQuery({
    queryKey: ['officers', 'names'],
    enabled: me?.role === 'municipal',
    staleTime: 5 * 60_000,
    queryFn: async () => {
      const found = new Map<string, string>();
      let cursor: string | undefined;
      do {
        const page = await answerOf(
          api.GET('/v1/officers', { params: { query: { limit: DIRECTORY_PAGE, ...(cursor ? { cursor } : {}) } } }),
        );
        for (const officer of page.items) if (officer.name) found.set(officer.sub, officer.name);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return found;
    },
  });
  return (id) => names?.get(id);
}
