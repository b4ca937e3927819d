import type { Kysely } from 'kysely';
import { toIso } from './rows.js';
import type { Database } from './schema.js';

type Db = Kysely<Database>;

export interface PoolRow {
  id: string;
  name: string;
  templateId: string;
  templateVersion: number;
  createdAt: string;
  participants: number;
}

export interface StoredCard {
  participant: string;
  fingerprint: string;
  /** The card as JSON; validated again when read. */
  card: string;
}

/** Pools of result cards run by a coach or an organisation; scoped by `userId`. */
export class PoolRepository {
  constructor(private readonly db: Db) {}

  withTransaction(trx: Db): PoolRepository {
    return new PoolRepository(trx);
  }

  async insert(userId: string, pool: Omit<PoolRow, 'participants'>): Promise<void> {
    await this.db
      .insertInto('pools')
      .values({
        id: pool.id,
        user_id: userId,
        name: pool.name,
        template_id: pool.templateId,
        template_version: pool.templateVersion,
        created_at: pool.createdAt,
      })
      .execute();
  }

  private selectPools(userId: string) {
    return this.db
      .selectFrom('pools')
      .leftJoin('pool_cards', 'pool_cards.pool_id', 'pools.id')
      .select((eb) => [
        'pools.id',
        'pools.name',
        'pools.template_id',
        'pools.template_version',
        'pools.created_at',
        eb.fn.count<number | string>('pool_cards.participant').as('participants'),
      ])
      .where('pools.user_id', '=', userId)
      .groupBy(['pools.id', 'pools.name', 'pools.template_id', 'pools.template_version', 'pools.created_at']);
  }

  async list(userId: string): Promise<PoolRow[]> {
    const rows = await this.selectPools(userId).orderBy('pools.created_at', 'desc').execute();
    return rows.map(mapPoolRow);
  }

  async findById(userId: string, id: string): Promise<PoolRow | undefined> {
    const row = await this.selectPools(userId).where('pools.id', '=', id).executeTakeFirst();
    return row ? mapPoolRow(row) : undefined;
  }

  async cards(poolId: string): Promise<StoredCard[]> {
    return this.db
      .selectFrom('pool_cards')
      .select(['participant', 'fingerprint', 'card'])
      .where('pool_id', '=', poolId)
      .orderBy('imported_at')
      .orderBy('participant')
      .execute();
  }

  async insertCard(poolId: string, card: StoredCard, now: string): Promise<void> {
    await this.db
      .insertInto('pool_cards')
      .values({ pool_id: poolId, ...card, imported_at: now })
      .execute();
  }
}

function mapPoolRow(row: {
  id: string;
  name: string;
  template_id: string;
  template_version: number;
  created_at: string | Date;
  participants: number | string;
}): PoolRow {
  return {
    id: row.id,
    name: row.name,
    templateId: row.template_id,
    templateVersion: Number(row.template_version),
    createdAt: toIso(row.created_at),
    participants: Number(row.participants),
  };
}
