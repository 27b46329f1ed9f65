import { applyDecorators, type Type as Class } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { text } from '../i18n/localized-text';
import { invalidRequest } from './api-error';

export const DEFAULT_PAGE_SIZE = 50;

/** A `true`/`false` query parameter arrives as text; anything else stays a string and fails `IsBoolean` (422). */
export const booleanQuery = Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value));
export const MAX_PAGE_SIZE = 200;

/** `limit` / `cursor` of every list (api-contract "Resources": paging `limit`/`cursor`). */
export class PageQuery {
  @ApiPropertyOptional({
    minimum: 1,
    maximum: MAX_PAGE_SIZE,
    default: DEFAULT_PAGE_SIZE,
    description: 'items per page',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;

  @ApiPropertyOptional({ description: 'the `nextCursor` of the previous page; opaque' })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  cursor?: string;
}

/** One page of a list; `nextCursor` is null on the last page. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** The page shape every cursor list shares, in the OpenAPI document (see {@link ApiPageResponse}). */
export class PageView {
  @ApiProperty({ type: String, nullable: true, description: 'pass as `cursor` for the next page; null on the last' })
  nextCursor!: string | null;
}

/**
 * Documents a 200 answer that is a {@link Page} of `item`: the shared page shape with `items` of that type, and the
 * page's own required properties `extra` (e.g. the inbox's `unreadCount`).
 */
export const ApiPageResponse = (item: Class<unknown>, extra: Record<string, SchemaObject> = {}): MethodDecorator =>
  applyDecorators(
    ApiExtraModels(PageView, item),
    ApiOkResponse({
      schema: {
        allOf: [
          { $ref: getSchemaPath(PageView) },
          {
            required: ['items', ...Object.keys(extra)],
            properties: { items: { type: 'array', items: { $ref: getSchemaPath(item) } }, ...extra },
          },
        ],
      },
    }),
  );

/** The keyset position after the last item of a page: the values of the list's sort key, in order. */
export type CursorKey = Array<string | number>;

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** What each value of a list's sort key is: an instant (a `timestamptz` column) or text. */
export type CursorShape = ReadonlyArray<'instant' | 'text'>;

const fitsShape = (key: unknown, shape: CursorShape): key is CursorKey =>
  Array.isArray(key) &&
  key.length === shape.length &&
  key.every((value, i) =>
    shape[i] === 'instant'
      ? typeof value === 'string' && !Number.isNaN(Date.parse(value))
      : typeof value === 'string' && !value.includes('\u0000'),
  );

/**
 * The sort key a cursor carries, checked against the list's key `shape` (a tampered cursor must not reach SQL as
 * a value its column cannot hold); a cursor that is not one of ours is 422 naming the `cursor` field.
 */
export function decodeCursor(cursor: string | undefined, shape: CursorShape): CursorKey | undefined {
  if (cursor === undefined) return undefined;
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (fitsShape(key, shape)) return key;
  } catch {
    // fall through to the 422 below
  }
  throw invalidRequest([{ field: 'cursor', message: text('validation.cursor', { field: 'cursor' }) }]);
}

/**
 * Cuts `rows` (fetched with `LIMIT limit + 1`) to a page: the extra row only tells that more follow, and the
 * cursor is the sort key of the last row kept.
 */
export function toPage<Row, Item>(
  rows: Row[],
  limit: number,
  keyOf: (row: Row) => CursorKey,
  view: (row: Row) => Item,
): Page<Item> {
  const kept = rows.slice(0, limit);
  const more = rows.length > limit;
  return {
    items: kept.map(view),
    nextCursor: more && kept.length > 0 ? encodeCursor(keyOf(kept[kept.length - 1])) : null,
  };
}
