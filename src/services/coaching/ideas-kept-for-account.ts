import type { Kysely } from 'kysely';
import { newIdea } from '../../core/ideas.js';
import { ConversationRepository } from '../../store/coaching/conversation.repository.js';
import { IdeaRepository } from '../../store/idea.repository.js';
import type { Database, Engine } from '../../store/schema.js';

/**
 * A researcher who accepted ideas in a room through their booking link, before they had an
 * account, finds them in the new account's inbox: called when the account is made, after its
 * bookings were linked to it.
 */
export async function moveKeptIdeasIntoLog(
  trx: Kysely<Database>,
  engine: Engine,
  researcherId: string,
  now: string,
  newId: () => string,
): Promise<void> {
  const rooms = new ConversationRepository(trx);
  const ideas = new IdeaRepository(trx, engine);
  for (const kept of await rooms.acceptedWithoutIdea(researcherId)) {
    const idea = newIdea(
      { text: kept.text, source: 'conversation', context: `From a ${kept.typeTitle}` },
      newId(),
      now,
    );
    await ideas.insert(researcherId, idea);
    await rooms.setIdeaId(kept.id, idea.id);
  }
}
