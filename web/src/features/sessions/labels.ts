import type { SessionView } from '../../../../src/core/sessions/view.js';

export const STATE_LABELS: Record<SessionView['state'], string> = {
  running: 'Under way',
  paused: 'Paused',
  rating: 'Waiting for ratings',
  completed: 'Completed',
};
