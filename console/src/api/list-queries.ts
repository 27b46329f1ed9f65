import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { collectPages, type Collected } from '../lists/collect-pages';
import { answerOf, api, type Schema } from './client';
import type { paths } from './schema';

/**
 * The reads of the lists and paperwork pages (case list, deadline calendar, statistics, the public list). Only the
 * public list carries a text in the reader's language (district names); the others answer codes (stages, kinds,
 * districts) that the console names, so the language is part of the public list's key only.
 */

/** The filters of `GET /v1/cases` (stage, district, overdue), as the API types them; paging is added per request. */
export type CaseFilters = Omit<NonNullable<paths['/v1/cases']['get']['parameters']['query']>, 'limit' | 'cursor'>;

/** A case as the list gives it. */
export type CaseRow = Schema<'CaseSummary'>;

/** A deadline as `GET /v1/deadlines` gives it. */
export type DeadlineRow = Schema<'DeadlineItem'>;

/** Rows a page of the case list shows. */
export const CASE_PAGE_SIZE = 20;
/** The API's largest page: whole lists are fetched in as few requests as it allows. */
const LARGEST_PAGE = 200;
/**
 * At most this many rows are fetched for an export or a month of deadlines (25 requests): a list longer than that is
 * cut, and the officer told so.
 */
export const WHOLE_LIST_BOUND = 5000;

const fetchCasePage = (filters: CaseFilters, limit: number, cursor: string | undefined) =>
  answerOf(api.GET('/v1/cases', { params: { query: { ...filters, limit, ...(cursor ? { cursor } : {}) } } }));

const fetchDeadlinePage = (from: string, to: string, cursor: string | undefined) =>
  answerOf(
    api.GET('/v1/deadlines', { params: { query: { from, to, limit: LARGEST_PAGE, ...(cursor ? { cursor } : {}) } } }),
  );

/** One page of the filtered case list, from `cursor` (the first page without); the last page stays shown meanwhile. */
export function useCasePage(filters: CaseFilters, cursor: string | undefined) {
  return useQuery({
    queryKey: ['cases', 'page', filters, cursor],
    queryFn: () => fetchCasePage(filters, CASE_PAGE_SIZE, cursor),
    placeholderData: keepPreviousData,
  });
}

/** Every case the filters select (for an export), up to {@link WHOLE_LIST_BOUND}. */
export const fetchAllCases = (filters: CaseFilters): Promise<Collected<CaseRow>> =>
  collectPages((cursor) => fetchCasePage(filters, LARGEST_PAGE, cursor), WHOLE_LIST_BOUND);

/** The deadlines due from one Chongqing day to another, both included (R-CAL-1), up to {@link WHOLE_LIST_BOUND}. */
export function useDeadlinesBetween(from: string, to: string) {
  return useQuery({
    queryKey: ['deadlines', from, to],
    queryFn: () => collectPages((cursor) => fetchDeadlinePage(from, to, cursor), WHOLE_LIST_BOUND),
    placeholderData: keepPreviousData,
  });
}

/** Designated parks, total, per district and against the programme target (§3), at a Chongqing day or now. */
export function useDesignationStats(at: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['stats', 'designations', at ?? 'now'],
    queryFn: () => answerOf(api.GET('/v1/stats/designations', { params: { query: at ? { at } : {} } })),
    enabled,
  });
}

/**
 * The published list of designated parks (R-STAT-1, §5.1 名单), readable without signing in (the client sends no
 * token then). Its district names are in the reader's language: the language is part of its key.
 */
export function usePublishedParks(language: string) {
  return useQuery({
    queryKey: ['public', 'designated-parks', language],
    queryFn: () => answerOf(api.GET('/v1/public/designated-parks')),
  });
}
