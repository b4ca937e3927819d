import type { ExperimentRecord } from '../core/experiments/experiment.js';
import type { SecondRaterReport } from '../core/experiments/report-view.js';
import { secondRaterReport } from '../core/experiments/second-rater-report.js';
import type { Store } from '../store/connect.js';
import type { RatingItem } from '../store/experiment.repository.js';
import { SecondRaterRepository } from '../store/second-rater.repository.js';

/**
 * The second rater's section of a report, or undefined while nobody (or no live invitation) has
 * rated. The experiment service calls it after it has checked the owner and the state.
 */
export async function secondRaterPart(
  store: Store,
  record: ExperimentRecord,
  items: readonly RatingItem[],
): Promise<SecondRaterReport | undefined> {
  const repo = new SecondRaterRepository(store.db);
  const invitation = await repo.live(record.id);
  if (!invitation) return undefined;
  const kept = items.filter((item) => item.excluded === null);
  const keptTokens = new Set(kept.map((item) => item.token));
  const ratings = (await repo.ratings(invitation.id)).filter((r) => keptTokens.has(r.itemToken));
  if (ratings.length === 0) return undefined;
  const [first, second] = record.phases;
  return secondRaterReport({
    phases: [
      { key: first.key, label: first.label },
      { key: second.key, label: second.label },
    ],
    items: kept.map((item) => ({ token: item.token, phase: item.phase, value: item.value })),
    values: new Map(ratings.map((r) => [r.itemToken, r.value])),
    raterName: invitation.raterName,
    finished: invitation.finishedAt !== null,
  });
}
