import type { Kysely, Selectable } from 'kysely';
import { toIso, toIsoOrNull } from './rows.js';
import type { Database, SecondRaterInvitationsTable } from './schema.js';

type Db = Kysely<Database>;

export interface StoredInvitation {
  id: string;
  experimentId: string;
  raterName: string | null;
  createdAt: string;
  finishedAt: string | null;
  withdrawnAt: string | null;
  /** Brought back from a backup: its link is ended (no token matches), its values stay. */
  restored: boolean;
}

/** One value the second rater gave, by the frozen item's token. */
export interface SecondRating {
  itemToken: string;
  value: number;
  ratedAt: string;
}

/**
 * What a restored invitation keeps in place of a token's hash: never a SHA-256 hex digest, so no
 * link can match it, and unique like the invitation's id.
 */
const restoredTokenHash = (invitationId: string) => `restored:${invitationId}`;

function mapInvitation(row: Selectable<SecondRaterInvitationsTable>): StoredInvitation {
  return {
    id: row.id,
    experimentId: row.experiment_id,
    raterName: row.rater_name,
    createdAt: toIso(row.created_at),
    finishedAt: toIsoOrNull(row.finished_at),
    withdrawnAt: toIsoOrNull(row.withdrawn_at),
    restored: row.token_hash === restoredTokenHash(row.id),
  };
}

/**
 * Second-rater invitations and their ratings. Scoping by owner happens one level up: the service
 * loads the experiment through the owner's repository before it asks here, and a token holder
 * reaches an invitation only through its token's hash.
 */
export class SecondRaterRepository {
  constructor(private readonly db: Db) {}

  withTransaction(trx: Db): SecondRaterRepository {
    return new SecondRaterRepository(trx);
  }

  async insert(invitation: StoredInvitation, tokenHash: string): Promise<void> {
    await this.db
      .insertInto('second_rater_invitations')
      .values({
        id: invitation.id,
        experiment_id: invitation.experimentId,
        token_hash: tokenHash,
        rater_name: invitation.raterName,
        created_at: invitation.createdAt,
        finished_at: invitation.finishedAt,
        withdrawn_at: invitation.withdrawnAt,
      })
      .execute();
  }

  /**
   * Puts a backup's invitation in place as the experiment's live one, its link ended: the row of
   * the same id is overwritten (a second import changes nothing), and its values replaced.
   */
  async restore(
    invitation: Omit<StoredInvitation, 'withdrawnAt' | 'restored'>,
    ratings: readonly SecondRating[],
  ): Promise<void> {
    const values = {
      rater_name: invitation.raterName,
      created_at: invitation.createdAt,
      finished_at: invitation.finishedAt,
      withdrawn_at: null,
      token_hash: restoredTokenHash(invitation.id),
    };
    await this.db
      .insertInto('second_rater_invitations')
      .values({ id: invitation.id, experiment_id: invitation.experimentId, ...values })
      .onConflict((oc) => oc.column('id').doUpdateSet(values))
      .execute();
    await this.db.deleteFrom('second_rater_ratings').where('invitation_id', '=', invitation.id).execute();
    if (ratings.length === 0) return;
    await this.db
      .insertInto('second_rater_ratings')
      .values(
        ratings.map((r) => ({
          invitation_id: invitation.id,
          item_token: r.itemToken,
          value: r.value,
          rated_at: r.ratedAt,
        })),
      )
      .execute();
  }

  /** The experiment's live (not withdrawn) invitation, if any. */
  async live(experimentId: string): Promise<StoredInvitation | undefined> {
    const row = await this.db
      .selectFrom('second_rater_invitations')
      .selectAll()
      .where('experiment_id', '=', experimentId)
      .where('withdrawn_at', 'is', null)
      .executeTakeFirst();
    return row ? mapInvitation(row) : undefined;
  }

  /** The live invitation whose token has this SHA-256. */
  async liveByTokenHash(tokenHash: string): Promise<StoredInvitation | undefined> {
    const row = await this.db
      .selectFrom('second_rater_invitations')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .where('withdrawn_at', 'is', null)
      .executeTakeFirst();
    return row ? mapInvitation(row) : undefined;
  }

  /** Withdraws the experiment's live invitation; returns whether there was one. */
  async withdraw(experimentId: string, now: string): Promise<boolean> {
    const result = await this.db
      .updateTable('second_rater_invitations')
      .set({ withdrawn_at: now })
      .where('experiment_id', '=', experimentId)
      .where('withdrawn_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async finish(invitationId: string, now: string): Promise<void> {
    await this.db
      .updateTable('second_rater_invitations')
      .set({ finished_at: now })
      .where('id', '=', invitationId)
      .where('finished_at', 'is', null)
      .execute();
  }

  async ratings(invitationId: string): Promise<SecondRating[]> {
    const rows = await this.db
      .selectFrom('second_rater_ratings')
      .selectAll()
      .where('invitation_id', '=', invitationId)
      .execute();
    return rows.map((row) => ({
      itemToken: row.item_token,
      value: Number(row.value),
      ratedAt: toIso(row.rated_at),
    }));
  }

  /** Gives or changes the value of one item. */
  async rate(invitationId: string, rating: SecondRating): Promise<void> {
    await this.db
      .insertInto('second_rater_ratings')
      .values({
        invitation_id: invitationId,
        item_token: rating.itemToken,
        value: rating.value,
        rated_at: rating.ratedAt,
      })
      .onConflict((oc) =>
        oc
          .columns(['invitation_id', 'item_token'])
          .doUpdateSet({ value: rating.value, rated_at: rating.ratedAt }),
      )
      .execute();
  }

  async clear(invitationId: string, itemToken: string): Promise<void> {
    await this.db
      .deleteFrom('second_rater_ratings')
      .where('invitation_id', '=', invitationId)
      .where('item_token', '=', itemToken)
      .execute();
  }
}
