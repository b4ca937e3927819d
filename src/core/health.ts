import * as z from 'zod/mini';

/** GET /health: the server is up, its version, and which database engine it runs on. */
export const Health = z.object({
  ok: z.literal(true),
  version: z.string(),
  engine: z.enum(['sqlite', 'postgres']),
});
export type Health = z.infer<typeof Health>;
