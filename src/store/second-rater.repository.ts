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
}

/** One value the second rater gave, by the frozen item's token. */
export interface SecondRating {
  itemToken: string;
  value: number;
  ratedAt: string;
}

function mapInvitation(row: Selectable<SecondRaterInvitationsTable>): StoredInvitation {
  return {
    id: row.id,
    experimentId: row.experiment_id,
    raterName: row.rater_name,
    createdAt: toIso(row.created_at),
    finishedAt: toIsoOrNull(row.finished_at),
    withdrawnAt: toIsoOrNull(row.withdrawn_at),
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
