import { useEffect } from 'react';
import type { SessionStep } from '../api.js';

/** Which steps the session allows right now. */
export interface StepKeysState {
  canNext: boolean;
  canSkip: boolean;
  canBack: boolean;
  running: boolean;
  busy: boolean;
}

/**
 * Keyboard: Alt+→ / Alt+N next, Alt+S skip, Alt+← / Alt+B back, Alt+P pause or resume. Alt keeps
 * them clear of typing in the capture box, which has the focus most of the time.
 */
export function useStepKeys(
  { canNext, canSkip, canBack, running, busy }: StepKeysState,
  step: (name: SessionStep) => void,
): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
      let action: SessionStep | null = null;
      if (event.key === 'ArrowRight' || event.code === 'KeyN') action = canNext ? 'next' : null;
      else if (event.code === 'KeyS') action = canSkip ? 'skip' : null;
      else if (event.key === 'ArrowLeft' || event.code === 'KeyB') action = canBack ? 'back' : null;
      else if (event.code === 'KeyP') action = running ? 'pause' : 'resume';
      else return;
      event.preventDefault();
      if (action && !busy) step(action);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [canNext, canSkip, canBack, running, busy, step]);
}
