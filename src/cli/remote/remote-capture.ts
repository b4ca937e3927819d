import { WhetstoneError } from '../../core/errors.js';
import type { ActiveExperiment } from '../../core/experiments/view.js';
import type { Idea } from '../../core/ideas.js';
import { effortFlag, numberish } from '../parse.js';
import { reminderLine } from '../reminder.js';
import { ApiClient } from './api-client.js';
import type { Credentials } from './credentials.js';

interface CaptureFlags {
  area?: string | undefined;
  value?: string | undefined;
  effort?: string | undefined;
  context?: string | undefined;
  source?: string | undefined;
  json?: boolean | undefined;
}

/**
 * `whet idea "text"` on a team server without the full CLI: the capture and the reminder's read of
 * the experiment go out together (one round trip; with --area, the area's name is resolved
 * first). The server validates, so the messages and the output are those of the full CLI.
 */
export async function captureRemotely(
  credentials: Credentials,
  text: string,
  flags: CaptureFlags,
): Promise<void> {
  const api = new ApiClient(credentials.server, credentials.token);
  try {
    const areaId =
      flags.area === undefined
        ? undefined
        : (await api.json<{ id: string }>('GET', '/areas/resolve', { query: { name: flags.area } })).id;
    // The headline depends on the experiment and the time only, so it may be read alongside.
    const active = flags.json
      ? undefined
      : api.json<ActiveExperiment>('GET', '/experiments/active').catch(() => undefined);
    const idea = await api.json<Idea>('POST', '/ideas', {
      json: {
        text,
        areaId,
        source: flags.source ?? 'noticed',
        value: flags.value === undefined ? undefined : numberish(flags.value),
        effort: flags.effort === undefined ? undefined : effortFlag(flags.effort),
        context: flags.context,
      },
    });
    process.stdout.write(flags.json ? `${JSON.stringify(idea, null, 2)}\n` : `${idea.id}\n`);
    const experiment = (await active)?.experiment;
    if (experiment) process.stderr.write(`${reminderLine(experiment)}\n`);
  } catch (error) {
    if (!(error instanceof WhetstoneError)) throw error;
    process.stderr.write(`whet: ${error.message}\n`);
    process.exitCode = 1;
  } finally {
    api.close();
  }
}
