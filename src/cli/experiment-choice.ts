import { WhetstoneError } from '../core/errors.js';
import type { ExperimentView } from '../core/experiments/view.js';
import type { Runtime } from './runtime.js';

/**
 * The experiment `id`, or the one to use without it: the unfinished experiment, or for report,
 * card and calendar the newest one.
 */
export async function experimentFor(
  rt: Runtime,
  id: string | undefined,
  orLatest = false,
): Promise<ExperimentView> {
  const { experiments } = rt.services;
  if (id !== undefined)
    return experiments.get(rt.actor, await rt.services.ids.resolve(rt.actor, 'experiment', id));
  const found =
    (await experiments.active(rt.actor)) ?? (orLatest ? (await experiments.list(rt.actor, 1))[0] : undefined);
  if (found) return found;
  throw new WhetstoneError(
    'not_found',
    orLatest
      ? 'experiment: there is none yet; start one with: whet experiment start --predict "…" --favour focused'
      : 'experiment: none is running (see: whet experiment list); start one with: whet experiment start',
  );
}
