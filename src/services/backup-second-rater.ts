import type { BackupSecondRater } from '../core/backup.js';
import { canonicalInstant } from '../core/time.js';
import type { Store } from '../store/connect.js';
import { SecondRaterRepository } from '../store/second-rater.repository.js';

/**
 * The experiment's live second rater for the backup: name, finished state and values by item
 * token, sorted so the same data is the same file. No token, no hash: the link does not travel.
 */
export async function exportSecondRater(
  db: Store['db'],
  experimentId: string,
): Promise<{ secondRater: BackupSecondRater } | Record<string, never>> {
  const repo = new SecondRaterRepository(db);
  const invitation = await repo.live(experimentId);
  if (!invitation) return {};
  const ratings = (await repo.ratings(invitation.id)).sort((a, b) =>
    a.itemToken < b.itemToken ? -1 : a.itemToken > b.itemToken ? 1 : 0,
  );
  return {
    secondRater: {
      id: invitation.id,
      raterName: invitation.raterName,
      createdAt: invitation.createdAt,
      finishedAt: invitation.finishedAt,
      ratings,
    },
  };
}

/**
 * Restores a backup's second rater as the experiment's live one, its link ended (decision 0019);
 * another live invitation here is withdrawn first, as inviting again would. A backup without a
 * second rater (older files among them) leaves the one here as it is.
 */
export async function importSecondRater(
  trx: Store['db'],
  experimentId: string,
  incoming: BackupSecondRater | undefined,
  now: string,
): Promise<void> {
  if (!incoming) return;
  const repo = new SecondRaterRepository(trx);
  const live = await repo.live(experimentId);
  if (live && live.id !== incoming.id) await repo.withdraw(experimentId, now);
  // Other tools may write `10:00:00Z`; the store keeps `10:00:00.000Z` (see core/time).
  const at = (iso: string) => canonicalInstant(iso);
  await repo.restore(
    {
      id: incoming.id,
      experimentId,
      raterName: incoming.raterName,
      createdAt: at(incoming.createdAt),
      finishedAt: incoming.finishedAt === null ? null : at(incoming.finishedAt),
    },
    incoming.ratings.map((r) => ({ ...r, ratedAt: at(r.ratedAt) })),
  );
}

/** The instants a second rater recorded, for "which copy changed last". */
export function secondRaterInstants(secondRater: BackupSecondRater | undefined): string[] {
  if (!secondRater) return [];
  return [
    secondRater.createdAt,
    ...(secondRater.finishedAt ? [secondRater.finishedAt] : []),
    ...secondRater.ratings.map((r) => r.ratedAt),
  ];
}
