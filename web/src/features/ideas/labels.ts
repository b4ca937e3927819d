import type { IdeaStatus } from '../../../../src/core/idea-status.js';

/** Button text for a status change: the lifecycle read as verbs. */
export function transitionLabel(from: IdeaStatus, to: IdeaStatus): string {
  switch (to) {
    case 'planned':
      return from === 'new' ? 'Mark planned' : 'Back to planned';
    case 'trying':
      return from === 'adopted' ? 'Back to trying' : 'Start trying';
    case 'adopted':
      return 'Mark adopted';
    case 'dropped':
      return 'Drop';
    case 'new':
      return from === 'dropped' ? 'Reopen' : 'Back to new';
  }
}

const ORDER: readonly IdeaStatus[] = ['new', 'planned', 'trying', 'adopted'];

/** Forward along the lifecycle, back a step, or out of it. */
export function transitionKind(from: IdeaStatus, to: IdeaStatus): 'forward' | 'back' | 'drop' {
  if (to === 'dropped') return 'drop';
  if (from === 'dropped') return 'back';
  return ORDER.indexOf(to) > ORDER.indexOf(from) ? 'forward' : 'back';
}

/** The button style of each kind of change: forward is the suggested next step. */
export const TRANSITION_STYLE = { forward: 'button--primary', back: '', drop: 'button--quiet' } as const;

export const STATUS_HELP: Record<IdeaStatus, string> = {
  new: 'Captured, not decided yet.',
  planned: 'You mean to try this; decide when.',
  trying: 'You are trying this now. Did it help?',
  adopted: 'Part of how you work now.',
  dropped: 'Set aside. Reopen it if it becomes relevant.',
};
