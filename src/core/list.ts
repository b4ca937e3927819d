import * as z from 'zod/mini';

/**
 * The one envelope every list response of the API uses: `{ items: [...] }`, plus `nextCursor`
 * where the list comes in pages. One builder, so a new list cannot invent its own key.
 */
export const listOf = <T extends z.ZodMiniType>(item: T) => z.object({ items: z.array(item) });

/** A page of a longer list: `nextCursor` fetches the next page; null on the last one. */
export const pageOf = <T extends z.ZodMiniType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.nullable(z.string()) });

/** What the client code reads from any list response. */
export interface List<T> {
  items: T[];
}
