import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { answerOf, api, type Schema } from './client';

/**
 * The API's reads as TanStack Query hooks. The language is part of every key whose answer carries texts, so that
 * switching it fetches them again in the new one.
 */

/** A deadline of a case (`GET /v1/cases/{caseId}`'s `deadlines[]`; a list item's `nextDeadline` has its shape). */
export type Deadline = Schema<'CaseView'>['deadlines'][number];

/** The signed-in officer: who, which role and district (`GET /v1/me`). */
export const useMe = () =>
  useQuery({ queryKey: ['me'], queryFn: () => answerOf(api.GET('/v1/me')), staleTime: 5 * 60_000 });

/** Chongqing's districts by code, with their names in both languages (`GET /v1/districts`; they never change). */
export const useDistricts = () =>
  useQuery({
    queryKey: ['districts'],
    queryFn: async () => {
      const { items } = await answerOf(api.GET('/v1/districts'));
      return new Map(items.map((district) => [district.code, district]));
    },
    staleTime: Infinity,
  });

const PAGE = 20;

/** The caller's notices and reminders, newest first, with the unread count (`GET /v1/notifications`). */
export function useNotifications() {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: ['notifications', i18n.language],
    queryFn: () => answerOf(api.GET('/v1/notifications', { params: { query: { limit: PAGE } } })),
  });
}

/** The cases the caller may see, page after page (keyset paging: `cursor`). */
export function useCaseList() {
  return useInfiniteQuery({
    queryKey: ['cases'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      answerOf(
        api.GET('/v1/cases', { params: { query: { limit: PAGE, ...(pageParam ? { cursor: pageParam } : {}) } } }),
      ),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

/** One case (`GET /v1/cases/{caseId}`). */
export function useCase(caseId: string) {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: ['case', caseId, i18n.language],
    queryFn: () => answerOf(api.GET('/v1/cases/{caseId}', { params: { path: { caseId } } })),
  });
}
