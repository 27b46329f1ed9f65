/** A page of a keyset-paged list (`GET /v1/cases`, `GET /v1/deadlines`): its items and the cursor of the next. */
export interface ListPage<T> {
  items: T[];
  nextCursor: string | null;
}

/** The items of a list followed to its end, or to the bound; `cut` when more were left. */
export interface Collected<T> {
  items: T[];
  cut: boolean;
}

/**
 * Follows a list's `nextCursor` from its first page until the last, or until `bound` items are held (then `cut`): an
 * export or a month of deadlines wants the whole list, not a page, but never an unbounded number of requests.
 */
export async function collectPages<T>(
  fetchPage: (cursor: string | undefined) => Promise<ListPage<T>>,
  bound: number,
): Promise<Collected<T>> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await fetchPage(cursor);
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined && items.length < bound);
  return { items: items.slice(0, bound), cut: cursor !== undefined || items.length > bound };
}
