import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Idea } from '../../../../src/core/ideas.js';
import { useApiAction } from '../../shared/api/action.js';
import { useAreas, useToast } from '../../shared/state.js';
import { type IdeaPatch, ideasApi } from './api.js';
import { ideaKeys, storeIdea } from './queries.js';

type Editable = keyof IdeaPatch & keyof Idea;

export interface IdeaUpdate {
  /** Sends the change; `confirmation` is the toast once it is saved. */
  save: (patch: IdeaPatch, confirmation?: string) => Promise<void>;
  busy: boolean;
  /** What to show for `field`: the choice being saved, else the idea's value. */
  shown: <K extends Editable>(field: K) => Idea[K];
  /** Why the last change was refused, in words (the server's message for a field first). */
  message: (field: Editable) => string | undefined;
}

/**
 * One kind of change to an idea (a picker, the status), with its own busy state and message.
 * The choice shows at once, until the idea itself changes (the saved one arrives, or a refresh);
 * a refusal drops it. A refusal may mean the idea changed elsewhere (another tab, the CLI), so
 * the idea is then fetched as it is now.
 */
export function useIdeaUpdate(idea: Idea): IdeaUpdate {
  const client = useQueryClient();
  const { notify } = useToast();
  const { reload: reloadAreas } = useAreas();
  // Local, not in the cache: a click must show its choice in the same event (the cache tells
  // the page a moment later).
  const [pending, setPending] = useState<{ patch: IdeaPatch; on: Idea } | null>(null);
  const action = useApiAction(
    (patch: IdeaPatch, _confirmation: string) => ideasApi.updateIdea(idea.id, patch),
    {
      onSuccess: (updated, patch, confirmation) => {
        storeIdea(client, updated);
        notify(confirmation);
        if ('areaId' in patch) void reloadAreas();
      },
    },
  );

  const save = async (patch: IdeaPatch, confirmation = 'Saved') => {
    setPending({ patch, on: idea });
    if (await action.run(patch, confirmation)) return;
    setPending(null);
    void client.invalidateQueries({ queryKey: ideaKeys.detail(idea.id) });
  };

  const choice = pending?.on === idea ? pending.patch : null;
  const shown = <K extends Editable>(field: K): Idea[K] =>
    choice && field in choice ? (choice[field] as Idea[K]) : idea[field];

  const message = (field: Editable) =>
    action.fields[field] ?? Object.values(action.fields)[0] ?? action.error ?? undefined;

  return { save, busy: action.busy, shown, message };
}
