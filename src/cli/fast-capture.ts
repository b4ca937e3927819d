import { parseArgs } from 'node:util';
import { archivedAreaError, areaNameKey, unknownAreaError } from '../core/areas.js';
import { WhetstoneError } from '../core/errors.js';
import { EFFORTS, IDEA_SOURCES, IdeaCreateInput, newIdea } from '../core/ideas.js';
import { parseInput } from '../core/validation.js';
import { LOCAL_ACTOR } from '../services/context.js';
import { newId } from '../services/ids.js';
import { resolveDatabaseLocation } from '../store/location.js';
import { SqliteCapture } from '../store/sqlite-capture.js';
import { cliClock } from './clock.js';
import { effortFlag, looksLikeCommand, numberish } from './parse.js';
import { experimentReminder } from './reminder.js';
import { captureRemotely } from './remote/remote-capture.js';
import { chooseTarget } from './remote/target.js';

/**
 * `whet idea "text" [flags]` on an existing SQLite database, without commander or Kysely; when
 * logged in to a team server, one request to it (see remote/remote-capture.ts).
 * Returns false when this invocation is anything else (help, a subcommand, an unusual flag,
 * PostgreSQL, a database not yet set up); the full CLI then handles it with identical results.
 */
export function fastCapture(argv: readonly string[]): boolean {
  const parsed = parseCaptureArgs(argv);
  if (!parsed) return false;
  if (!parsed.values.local) {
    const target = chooseTarget(parsed.values.db, process.env);
    if (target.kind === 'remote') {
      // The process stays up until the request is answered; its exit code is set there.
      captureRemotely(target.credentials, parsed.positionals.join(' '), parsed.values).catch((error) => {
        process.stderr.write(
          `whet: unexpected error: ${error instanceof Error ? error.stack : String(error)}\n`,
        );
        process.exitCode = 1;
      });
      return true;
    }
  }
  // A value may be refused while an experiment rates its ideas blind; the services decide that.
  if (parsed.values.value !== undefined) return false;
  let location: ReturnType<typeof resolveDatabaseLocation>;
  try {
    location = resolveDatabaseLocation(parsed.values.db, process.env);
  } catch {
    return false; // a misconfigured environment: the full CLI explains it in its usual words
  }
  if (location.engine !== 'sqlite') return false;
  const store = SqliteCapture.open(location.path, LOCAL_ACTOR.userId, location.sync);
  if (!store) return false;
  try {
    const { values } = parsed;
    let areaId: string | undefined;
    if (values.area !== undefined) {
      const area = store.findArea(LOCAL_ACTOR.userId, values.area.trim(), areaNameKey(values.area));
      if (!area) throw unknownAreaError(values.area);
      if (area.archived) throw archivedAreaError(area.name);
      areaId = area.id;
    }
    const input = parseInput(IdeaCreateInput, {
      text: parsed.positionals.join(' '),
      areaId,
      source: values.source,
      value: values.value === undefined ? undefined : numberish(values.value),
      effort: values.effort === undefined ? undefined : effortFlag(values.effort),
      context: values.context,
    });
    const clock = cliClock();
    const idea = newIdea(input, newId(), clock().toISOString());
    store.insertIdea(LOCAL_ACTOR.userId, idea);
    process.stdout.write(values.json ? `${JSON.stringify(idea, null, 2)}\n` : `${idea.id}\n`);
    // The same reminder line the full CLI ends with while an experiment is unfinished.
    const record = values.json ? undefined : store.activeExperimentRecord(LOCAL_ACTOR.userId);
    const reminder = record === undefined ? undefined : experimentReminder(record, clock());
    if (reminder) process.stderr.write(`${reminder}\n`);
  } catch (error) {
    if (!(error instanceof WhetstoneError)) throw error;
    process.stderr.write(`whet: ${error.message}\n`);
    process.exitCode = 1;
  } finally {
    store.close();
  }
  return true;
}

const SUBCOMMANDS = new Set(['show', 'edit', 'status', 'rate', 'delete', 'help']);

function parseCaptureArgs(args: readonly string[]) {
  // The global --db may come before the command: `whet --db FILE idea "text"`.
  const leadingDb = args[0] === '--db' ? args[1] : undefined;
  const argv = leadingDb === undefined ? args : args.slice(2);
  if (argv[0] !== 'idea' || (argv[1] !== undefined && SUBCOMMANDS.has(argv[1]))) return undefined;
  try {
    const parsed = parseArgs({
      args: argv.slice(1),
      allowPositionals: true,
      strict: true,
      options: {
        area: { type: 'string', short: 'a' },
        value: { type: 'string', short: 'v' },
        effort: { type: 'string', short: 'e' },
        context: { type: 'string', short: 'c' },
        source: { type: 'string', short: 's' },
        json: { type: 'boolean' },
        db: { type: 'string' },
        local: { type: 'boolean' },
      },
    });
    if (looksLikeCommand(parsed.positionals)) return undefined;
    if (leadingDb !== undefined) {
      if (parsed.values.db !== undefined) return undefined;
      parsed.values.db = leadingDb;
    }
    const { effort, source } = parsed.values;
    // Choices are checked by the full CLI, which reports them as usage errors (exit code 2).
    if (effort !== undefined && !(EFFORTS as readonly string[]).includes(effortFlag(effort)))
      return undefined;
    if (source !== undefined && !(IDEA_SOURCES as readonly string[]).includes(source)) return undefined;
    return parsed;
  } catch {
    return undefined;
  }
}
