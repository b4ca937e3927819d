import type { Command } from 'commander';
import type { Settings } from '../../services/settings.service.js';
import { writeOutputFile } from '../files.js';
import { printJson } from '../output.js';
import { namingFlags } from '../plan-flags.js';
import { zonedTime } from '../plan-output.js';
import { type Runtime, withRuntime } from '../runtime.js';

type GlobalOptions = { db?: string };

const out = (text: string) => process.stdout.write(text);

function printSettings(settings: Settings): void {
  const source = settings.timeZoneSource === 'chosen' ? 'chosen' : 'this computer’s zone';
  out(`time zone  ${settings.timeZone} (${source})\n`);
  out(
    '  Days, weeks, streaks and review dates are counted in it. Change it: whet settings --time-zone ZONE\n',
  );
}

/** `whet settings [--time-zone ZONE]`. */
export function registerSettingsCommand(program: Command, globals: () => GlobalOptions): void {
  program
    .command('settings')
    .description('show or change your settings (the time zone your days and weeks are counted in)')
    .option('--time-zone <zone>', 'an IANA zone such as Europe/Berlin; "system" goes back to this computer’s')
    .option('--json', 'print the settings as JSON')
    .action(async (opts) =>
      withRuntime(globals().db, async (rt) => {
        const { settings } = rt.services;
        const zone: string | undefined = opts.timeZone;
        const current =
          zone === undefined
            ? await settings.get(rt.actor)
            : await namingFlags({ timeZone: '--time-zone' }, () =>
                settings.update(rt.actor, { timeZone: zone.trim().toLowerCase() === 'system' ? null : zone }),
              );
        if (opts.json) return printJson(current);
        if (zone !== undefined) out(`Saved: time zone ${current.timeZone}.\n\n`);
        printSettings(current);
      }),
    );
}

/** `whet calendar export|feed create|feed list|feed revoke`. */
export function registerCalendarCommands(program: Command, globals: () => GlobalOptions): void {
  const run = <T>(work: (rt: Runtime) => Promise<T>) => withRuntime(globals().db, work);
  const calendar = program
    .command('calendar')
    .description('practice blocks, review dates and experiment phase ends in your calendar app');

  calendar
    .command('export')
    .description(
      'write the calendar once, as an .ics file to import: from today, each plan’s blocks up to its review date',
    )
    .requiredOption('-o, --out <file>', 'the .ics file to write')
    .action(async (opts) =>
      run(async (rt) => {
        const ics = await rt.services.calendar.export(rt.actor);
        writeOutputFile(opts.out, ics);
        const events = ics.match(/^BEGIN:VEVENT/gm)?.length ?? 0;
        out(`wrote ${opts.out}: ${events} events; import it into your calendar app\n`);
      }),
    );

  const feed = calendar
    .command('feed')
    .description('private subscription links your calendar app keeps in sync');
  feed
    .command('create')
    .description('make a new subscription link (shown once)')
    .option('--json', 'print { id, token, path } as JSON')
    .action(async (opts) =>
      run(async (rt) => {
        const created = await rt.services.calendar.create(rt.actor);
        const path = `/feeds/${created.token}.ics`;
        if (opts.json) return printJson({ ...created, path });
        out(`${path}\n`);
        out(
          `Put the address of your Whetstone server in front (whet serve prints it, e.g. http://127.0.0.1:4545${path})\n` +
            'and subscribe to it in your calendar app. This link is shown only once; keep it private.\n' +
            `Stop it any time: whet calendar feed revoke ${created.id}\n`,
        );
      }),
    );
  feed
    .command('list')
    .description('your subscription links (their ids; the links themselves are not stored)')
    .option('--json', 'print as a JSON array')
    .action(async (opts) =>
      run(async (rt) => {
        const feeds = await rt.services.calendar.list(rt.actor);
        if (opts.json) return printJson(feeds);
        if (feeds.length === 0) out('No subscription links. Make one with: whet calendar feed create\n');
        const timeZone = await rt.services.settings.timeZone(rt.actor);
        for (const f of feeds)
          out(
            `${f.id.padEnd(10)}  created ${zonedTime(f.createdAt, timeZone)}  ${f.revokedAt ? `revoked ${zonedTime(f.revokedAt, timeZone)}` : 'live'}\n`,
          );
      }),
    );
  feed
    .command('revoke')
    .description('switch a subscription link off for good (it then answers 404)')
    .argument('<id>', 'the link’s id (see: whet calendar feed list)')
    .action(async (id: string) =>
      run(async (rt) => {
        await rt.services.calendar.revoke(rt.actor, id.trim());
        out(`revoked calendar feed ${id.trim()}\n`);
      }),
    );
}
