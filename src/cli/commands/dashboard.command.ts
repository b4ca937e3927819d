import type { Command } from 'commander';
import { validationError } from '../../core/errors.js';
import { DASHBOARD_WEEKS_DEFAULT, DASHBOARD_WEEKS_MAX } from '../../core/plans/dashboard.js';
import { printDashboard } from '../dashboard-output.js';
import { printJson } from '../output.js';
import { withRuntime } from '../runtime.js';

function weeksFlag(raw: string): number {
  const weeks = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || weeks < 1 || weeks > DASHBOARD_WEEKS_MAX)
    throw validationError('--weeks', `must be a whole number from 1 to ${DASHBOARD_WEEKS_MAX}`);
  return weeks;
}

/** `whet dashboard`: ideas per week, follow-through, practice against cadences, streaks, reviews, heat map. */
export function registerDashboardCommand(program: Command, globals: () => { db?: string }): void {
  program
    .command('dashboard')
    .description(
      'your progress: ideas per week, follow-through, practice minutes, streaks, reviews, interruptions',
    )
    .option(
      '--weeks <n>',
      `how many weeks the weekly series cover (1-${DASHBOARD_WEEKS_MAX})`,
      String(DASHBOARD_WEEKS_DEFAULT),
    )
    .option('--json', 'print the whole dashboard as JSON')
    .action(async (opts) => {
      const weeks = weeksFlag(opts.weeks);
      await withRuntime(globals().db, async (rt) => {
        const dashboard = await rt.services.dashboard.get(rt.actor, { weeks });
        if (opts.json) return printJson(dashboard);
        const areas = await rt.services.areas.list(rt.actor, { includeArchived: true });
        printDashboard(dashboard, new Map(areas.map((a) => [a.id, a.name])));
      });
    });
}
