import { createHash } from 'node:crypto';
import { notFound, validationError } from '../core/errors.js';
import { parseCard, pooledAnalysis, type ResultCard } from '../core/experiments/card.js';
import { assertCardFitsPool, cardFingerprint } from '../core/experiments/compatibility.js';
import {
  CardImportInput,
  type CardImportResult,
  DEFAULT_POOL_TEMPLATE,
  PoolCreateInput,
  type PoolReport,
  type PoolSummary,
} from '../core/experiments/pool.js';
import { poolConclusion } from '../core/experiments/pool-conclusion.js';
import { findTemplate } from '../core/experiments/templates.js';
import { parseInput } from '../core/validation.js';
import type { Store } from '../store/connect.js';
import { PoolRepository, type PoolRow } from '../store/pool.repository.js';
import { inTransaction } from '../store/transaction.js';
import type { Actor, Clock } from './context.js';

/** SHA-256 of the card's canonical JSON: equal for identical cards, whatever their key order. */
export const cardFingerprintHash = (card: ResultCard): string =>
  createHash('sha256').update(cardFingerprint(card)).digest('hex');

function summary(row: PoolRow): PoolSummary {
  return { ...row, templateTitle: findTemplate(row.templateId).title };
}

/** Pools of anonymous result cards and their pooled analysis. */
export class PoolService {
  private readonly pools: PoolRepository;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly newId: () => string,
  ) {
    this.pools = new PoolRepository(store.db);
  }

  async create(actor: Actor, input: unknown): Promise<PoolSummary> {
    const parsed = parseInput(PoolCreateInput, input);
    const template = findTemplate(parsed.templateId ?? DEFAULT_POOL_TEMPLATE);
    if (template.measures !== 'ideas')
      throw validationError(
        'templateId',
        `pools hold cards of experiments that rate ideas; ${template.id} does not`,
      );
    const row = {
      id: this.newId(),
      name: parsed.name,
      templateId: template.id,
      templateVersion: template.version,
      createdAt: this.clock().toISOString(),
    };
    await this.pools.insert(actor.userId, row);
    return summary({ ...row, participants: 0 });
  }

  async list(actor: Actor): Promise<PoolSummary[]> {
    return (await this.pools.list(actor.userId)).map(summary);
  }

  async get(actor: Actor, id: string): Promise<PoolSummary> {
    return summary(await this.load(actor, id));
  }

  /**
   * Imports a batch of cards, all or nothing. A card identical to one in the pool counts once;
   * a different card from a participant already in the pool is refused.
   */
  async importCards(actor: Actor, id: string, input: unknown): Promise<CardImportResult> {
    const { cards } = parseInput(CardImportInput, input);
    const pool = await this.load(actor, id);
    const parsed = cards.map((raw, i) => {
      const card = parseCard(raw, `cards.${i}`);
      assertCardFitsPool(card, pool, `cards.${i}`);
      return { card, fingerprint: cardFingerprintHash(card) };
    });
    const now = this.clock().toISOString();
    const { added, alreadyInPool } = await inTransaction(this.store, async (trx) => {
      const repo = this.pools.withTransaction(trx);
      const known = new Map((await repo.cards(id)).map((c) => [c.participant, c.fingerprint]));
      let added = 0;
      let alreadyInPool = 0;
      for (const [i, { card, fingerprint }] of parsed.entries()) {
        const existing = known.get(card.participant);
        if (existing === fingerprint) {
          alreadyInPool++;
          continue;
        }
        if (existing !== undefined)
          throw validationError(
            `cards.${i}.participant`,
            'this participant already has a different card in the pool; remove it first or check the file',
          );
        await repo.insertCard(
          id,
          { participant: card.participant, fingerprint, card: JSON.stringify(card) },
          now,
        );
        known.set(card.participant, fingerprint);
        added++;
      }
      return { added, alreadyInPool };
    });
    return { added, alreadyInPool, pool: await this.get(actor, id) };
  }

  /** The pooled analysis and its conclusion; the bootstrap is seeded by the pool, so the same cards give the same report. */
  async report(actor: Actor, id: string): Promise<PoolReport> {
    const pool = summary(await this.load(actor, id));
    const cards = (await this.pools.cards(id)).map((c, i) => parseCard(JSON.parse(c.card), `cards.${i}`));
    const template = findTemplate(pool.templateId);
    const analysis = pooledAnalysis(cards, { seed: `pool:${pool.id}` });
    const phaseLabels: [string, string] = [template.phases[0].label, template.phases[1].label];
    return {
      pool,
      analysis,
      points: cards.map((card) => ({
        participant: card.participant,
        passive: card.phases[0].valueSum,
        focused: card.phases[1].valueSum,
      })),
      phaseLabels,
      conclusion: poolConclusion(analysis, phaseLabels),
    };
  }

  private async load(actor: Actor, id: string): Promise<PoolRow> {
    const row = await this.pools.findById(actor.userId, id);
    if (!row) throw notFound('pool', id);
    return row;
  }
}
