import * as z from 'zod/mini';

/**
 * The interval shapes the statistics return, as schemas: pool and experiment reports carry them
 * to the API unchanged, so the API contract describes them from here.
 */

/** An estimate with its percentile-bootstrap interval. */
export const BootstrapInterval = z.object({ estimate: z.number(), lower: z.number(), upper: z.number() });
export type BootstrapInterval = z.infer<typeof BootstrapInterval>;

/** A proportion with its confidence interval, all in [0, 1]. */
export const ProportionInterval = z.object({
  estimate: z.number(),
  lower: z.number(),
  upper: z.number(),
});
export type ProportionInterval = z.infer<typeof ProportionInterval>;
