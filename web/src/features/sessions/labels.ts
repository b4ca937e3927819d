import type { SessionView } from '../../api.js';

export const STATE_LABELS: Record<SessionView['state'], string> = {
  running: 'Under way',
  paused: 'Paused',
  rating: 'Waiting for ratings',
  completed: 'Completed',
};
