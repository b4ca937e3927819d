import { notFound, WhetstoneError } from '../core/errors.js';
import type { ExperimentRecord } from '../core/experiments/experiment.js';
import { RatingInput } from '../core/experiments/rating.js';
import {
  type NewSecondRaterLink,
  SECOND_RATER_PATH,
  type SecondRaterInvitation,
  SecondRaterInviteInput,
  type SecondRaterQueueView,
  type SecondRaterStatus,
} from '../core/experiments/second-rater.js';
import {
  lastSecondRating,
  secondRaterOrder,
  secondRaterQueueView,
  secondRatingInstant,
} from '../core/experiments/second-rater-queue.js';
import { ratingStage } from '../core/experiments/transitions.js';
import { parseInput } from '../core/validation.js';
import type { Store } from '../store/connect.js';
import { ExperimentRepository, type RatingItem } from '../store/experiment.repository.js';
import { SecondRaterRepository, type StoredInvitation } from '../store/second-rater.repository.js';
import { inTransaction } from '../store/transaction.js';
import { isUniqueViolation } from '../store/unique-violation.js';
import type { Actor, Clock } from './context.js';
import { hashSecretToken, newSecretToken } from './secret-token.js';

/**
 * A second, blind rater of an experiment's kept ideas. The owner invites, sees the progress and
 * withdraws; whoever holds the link rates the texts — no account needed, nothing else shown. A
 * withdrawn or unknown link is simply not found, like another person's experiment.
 */
export class SecondRaterService {
  private readonly experiments: ExperimentRepository;
  private readonly invitations: SecondRaterRepository;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly newId: () => string,
  ) {
    this.experiments = new ExperimentRepository(store.db, store.engine);
    this.invitations = new SecondRaterRepository(store.db);
  }

  /**
   * A new link for the experiment's second rater, shown this once; an earlier link stops working
   * and its ratings leave the report. Open once the triage has fixed which ideas are rated.
   * `base` is the server's address the link starts with (team: its public URL).
   */
  async invite(
    actor: Actor,
    experimentId: string,
    input: unknown,
    base: string,
  ): Promise<NewSecondRaterLink> {
    const { name } = parseInput(SecondRaterInviteInput, input ?? {});
    const record = await this.owned(actor, experimentId);
    if (!(record.state === 'reported' || (record.state === 'rating' && ratingStage(record) === 'rating')))
      throw new WhetstoneError(
        'conflict',
        `experiment: a second rater can be invited once the blind triage is finished; it is ${record.state === 'rating' ? 'in the triage' : `in state ${record.state}`}`,
        [{ field: 'state', message: record.state }],
      );
    const token = newSecretToken();
    const now = this.clock().toISOString();
    const invitation: StoredInvitation = {
      id: this.newId(),
      experimentId,
      raterName: name ?? null,
      createdAt: now,
      finishedAt: null,
      withdrawnAt: null,
      restored: false,
    };
    await inTransaction(this.store, async (trx) => {
      const repo = this.invitations.withTransaction(trx);
      await repo.withdraw(experimentId, now);
      await repo.insert(invitation, hashSecretToken(token));
    }).catch((error: unknown) => {
      // Two invitations at once: the unique index keeps one; the other is asked to retry.
      if (isUniqueViolation(error))
        throw new WhetstoneError('conflict', 'second rater: another invitation was just made; try again', [
          { field: 'experimentId', message: 'invited concurrently' },
        ]);
      throw error;
    });
    const link = new URL(`${SECOND_RATER_PATH}/${token}`, base).toString();
    return { invitation: await this.describe(invitation), token, link };
  }

  async status(actor: Actor, experimentId: string): Promise<SecondRaterStatus> {
    await this.owned(actor, experimentId);
    const invitation = await this.invitations.live(experimentId);
    return { invitation: invitation ? await this.describe(invitation) : null };
  }

  /** Ends the link at once; the rater's values leave the report. Withdrawing nothing is no error. */
  async withdraw(actor: Actor, experimentId: string): Promise<SecondRaterStatus> {
    await this.owned(actor, experimentId);
    await this.invitations.withdraw(experimentId, this.clock().toISOString());
    return { invitation: null };
  }

  /** The token holder's queue: the next idea text and their own ratings. */
  async queue(token: string): Promise<SecondRaterQueueView> {
    const invitation = await this.byToken(token);
    return this.view(invitation);
  }

  /** Rates (or rates again) the idea behind an item token; open until the rater finishes. */
  async rate(token: string, input: unknown): Promise<SecondRaterQueueView> {
    const { token: itemToken, value } = parseInput(RatingInput, input);
    const invitation = await this.open(token);
    const kept = await this.kept(invitation.experimentId);
    if (!kept.some((item) => item.token === itemToken)) throw notFound('rating item', itemToken);
    const values = await this.invitations.ratings(invitation.id);
    await this.invitations.rate(invitation.id, {
      itemToken,
      value,
      ratedAt: secondRatingInstant(values, this.clock()),
    });
    return this.view(invitation);
  }

  /** Takes back the most recent rating; that idea is shown next. */
  async undo(token: string): Promise<SecondRaterQueueView> {
    const invitation = await this.open(token);
    const last = lastSecondRating(await this.invitations.ratings(invitation.id));
    if (!last)
      throw new WhetstoneError('conflict', 'rating: there is no rating to undo yet', [
        { field: 'rating', message: 'nothing rated yet' },
      ]);
    await this.invitations.clear(invitation.id, last.itemToken);
    return this.view(invitation, last.itemToken);
  }

  /** Hands the ratings to the researcher; every kept idea must be rated first. */
  async finish(token: string): Promise<SecondRaterQueueView> {
    const invitation = await this.open(token);
    const view = await this.view(invitation);
    const unrated = view.total - view.rated;
    if (unrated > 0)
      throw new WhetstoneError(
        'conflict',
        `rating: ${unrated} idea${unrated === 1 ? ' is' : 's are'} not rated yet; rate them first`,
        [{ field: 'rating', message: `${unrated} not rated` }],
      );
    await this.invitations.finish(invitation.id, this.clock().toISOString());
    return { ...view, finished: true, next: null };
  }

  private async owned(actor: Actor, experimentId: string): Promise<ExperimentRecord> {
    const stored = await this.experiments.findById(actor.userId, experimentId);
    if (!stored) throw notFound('experiment', experimentId);
    return stored.record;
  }

  private async byToken(token: string): Promise<StoredInvitation> {
    const invitation = await this.invitations.liveByTokenHash(hashSecretToken(token));
    // The same answer for a token never issued and one withdrawn: nothing to probe.
    if (!invitation) throw new WhetstoneError('not_found', 'rating link not found');
    return invitation;
  }

  private async open(token: string): Promise<StoredInvitation> {
    const invitation = await this.byToken(token);
    if (invitation.finishedAt !== null)
      throw new WhetstoneError('conflict', 'rating: this rating is finished; thank you', [
        { field: 'finished', message: 'already finished' },
      ]);
    return invitation;
  }

  /** The kept items of the frozen queue (what the triage set aside is not rated). */
  private async kept(experimentId: string): Promise<RatingItem[]> {
    return (await this.experiments.items(experimentId)).filter((item) => item.excluded === null);
  }

  private async view(invitation: StoredInvitation, first?: string): Promise<SecondRaterQueueView> {
    const ordered = secondRaterOrder(
      (await this.kept(invitation.experimentId)).map(({ token, text }) => ({ token, text })),
      invitation.id,
    );
    return secondRaterQueueView(ordered, await this.invitations.ratings(invitation.id), {
      raterName: invitation.raterName,
      finished: invitation.finishedAt !== null,
      ...(first ? { first } : {}),
    });
  }

  private async describe(invitation: StoredInvitation): Promise<SecondRaterInvitation> {
    const view = await this.view(invitation);
    return {
      id: invitation.id,
      raterName: invitation.raterName,
      createdAt: invitation.createdAt,
      finishedAt: invitation.finishedAt,
      linkEnded: invitation.restored,
      rated: view.rated,
      total: view.total,
    };
  }
}
