import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import type { Interruption } from '../../../../src/core/plans/interruptions.js';
import { useApiAction } from '../../shared/api/action.js';
import { dashboardKeys } from '../dashboard/queries.js';
import { focusApi } from './api.js';
import { focusKeys } from './queries.js';
import { amends } from './reasons.js';

/**
 * The interruptions logged since the page opened, newest first, and what changes them: log one
 * now, give the last one its reason (or log a new one with it), undo the last.
 */
export function useInterruptionLog() {
  const client = useQueryClient();
  const [mine, setMine] = useState<Interruption[]>([]);
  /** Changes with every new entry, so the button can flash. */
  const [pulse, setPulse] = useState(0);

  // Today's count and the heat map include the new entry at once.
  const refresh = () => {
    void client.invalidateQueries({ queryKey: focusKeys.all });
    void client.invalidateQueries({ queryKey: dashboardKeys.all });
  };
  const added = (entry: Interruption) => {
    setMine((list) => [entry, ...list]);
    setPulse((p) => p + 1);
    refresh();
  };

  const logNow = useApiAction(() => focusApi.interrupt({}), { onSuccess: added });
  const undoLast = useApiAction((entry: Interruption) => focusApi.deleteInterruption(entry.id), {
    onSuccess: (_, entry) => {
      setMine((list) => list.filter((i) => i.id !== entry.id));
      refresh();
    },
  });

  // A key held or pressed twice in a blink logs one interruption, not two.
  const logging = useRef(false);
  const { run: runLog } = logNow;
  const log = useCallback(async () => {
    if (logging.current) return;
    logging.current = true;
    try {
      await runLog();
    } finally {
      logging.current = false;
    }
  }, [runLog]);

  /**
   * Gives the interruption just logged its reason: a new entry at the same time replaces it.
   * Later, or when it has one, the reason comes with a new interruption. Throws when it failed.
   */
  const saveReason = async (text: string): Promise<void> => {
    const reason = text.trim();
    if (!reason) return;
    const last = mine[0];
    if (!amends(last, Date.now())) {
      added(await focusApi.interrupt({ reason }));
      return;
    }
    const replaced = await focusApi.interrupt({ reason, at: last.at });
    await focusApi.deleteInterruption(last.id);
    setMine((list) => [replaced, ...list.filter((i) => i.id !== last.id)]);
    refresh();
  };

  return {
    mine,
    pulse,
    log,
    saveReason,
    undo: () => {
      const last = mine[0];
      if (last) void undoLast.run(last);
    },
    /** Why logging or undoing failed, in words. */
    problem: logNow.error ?? undoLast.error,
  };
}
