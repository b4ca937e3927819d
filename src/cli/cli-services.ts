import type { Services } from '../services/app.js';

/**
 * The use cases the `whet` commands call, defined once. The local runtime passes the real
 * services; the remote runtime (src/cli/remote/) implements the same shape over the HTTP API, so a
 * command cannot use a method that has no remote counterpart without the type check saying so.
 */
export interface CliServices {
  clock: Services['clock'];
  areas: Pick<Services['areas'], 'list' | 'get' | 'resolve' | 'create' | 'update' | 'remove'>;
  ideas: Pick<Services['ideas'], 'capture' | 'get' | 'resolveId' | 'update' | 'remove' | 'list'>;
  ideaImport: Pick<Services['ideaImport'], 'import'>;
  ids: Pick<Services['ids'], 'resolve'>;
  backup: Pick<Services['backup'], 'export' | 'import'>;
  decks: Pick<Services['decks'], 'list' | 'get' | 'importFile' | 'remove' | 'export'>;
  sessions: Pick<
    Services['sessions'],
    | 'start'
    | 'active'
    | 'get'
    | 'list'
    | 'pause'
    | 'resume'
    | 'next'
    | 'back'
    | 'addTime'
    | 'end'
    | 'complete'
    | 'capture'
    | 'rate'
    | 'questionStats'
  >;
  experiments: Pick<
    Services['experiments'],
    | 'templates'
    | 'create'
    | 'get'
    | 'active'
    | 'list'
    | 'step'
    | 'ratingQueue'
    | 'triage'
    | 'rate'
    | 'undoRating'
    | 'report'
    | 'card'
    | 'calendar'
  >;
  /** The owner's side of a second, blind rater (the link holder's side is the web page). */
  secondRater: Pick<Services['secondRater'], 'invite' | 'status' | 'withdraw'>;
  measurements: Pick<Services['measurements'], 'log' | 'list'>;
  pools: Pick<Services['pools'], 'create' | 'list' | 'importCards' | 'report'>;
  settings: Pick<Services['settings'], 'get' | 'timeZone' | 'update'>;
  plans: Pick<Services['plans'], 'create' | 'get' | 'list' | 'review' | 'resume'>;
  practice: Pick<Services['practice'], 'log' | 'list' | 'remove' | 'interrupt' | 'interruptions'>;
  exercises: Pick<Services['exercises'], 'subSkills' | 'list' | 'create'>;
  reviews: Pick<Services['reviews'], 'prompts' | 'week' | 'submitWeekly' | 'history'>;
  dashboard: Pick<Services['dashboard'], 'get'>;
  calendar: Pick<Services['calendar'], 'create' | 'list' | 'revoke' | 'export'>;
}
