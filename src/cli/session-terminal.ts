import { WhetstoneError } from '../core/errors.js';
import { parseIdeaLine } from '../core/idea-line.js';
import type { Idea } from '../core/ideas.js';
import { plural } from '../core/plural.js';
import type { SessionView } from '../core/sessions/view.js';
import { LineInput, type ReadResult } from './line-input.js';
import type { Runtime } from './runtime.js';
import { formatClock, localTime, printSessionSummary } from './session-output.js';

/** Exit status when the person pressed Ctrl+C (128 + SIGINT), as shells report it. */
export const EXIT_INTERRUPTED = 130;

export interface SessionStartRequest {
  minutes?: number | string;
  deckId?: string;
  areas?: string[];
  /** Start it although an experiment's passive phase is running (its ideas will not count there). */
  outsideExperiment?: boolean;
}

export const RATING_PROMPT = "value 1-5 (Enter to skip), optionally followed by effort S/M/L, e.g. '4 m': ";
const NOTE_PROMPT = 'A note on this session (one line, Enter to skip): ';
const TIME_UP = 'Time is up — press Enter to rate your ideas';

const HELP = `Type an idea and press Enter to save it under the question on screen.
Start or end it with #area (a name or id, e.g. "#writing") to file it under that area.
  /next       next question            /skip     skip this question
  /back       previous question        /add N    add N minutes
  /pause      stop the clock           /resume   start it again
  /end        end now and rate ideas   /quit     leave the session running for later
  /help       this help                Ctrl+C    like /quit
`;

type Outcome = 'continue' | 'quit';

/** A rating as typed: `4`, `4 m`, `4M`, or nothing (skip). */
export type ParsedRating =
  | { kind: 'skip' }
  | { kind: 'rate'; value: number; effort?: 'S' | 'M' | 'L' }
  | { kind: 'invalid'; reason: string };

export function parseRating(raw: string): ParsedRating {
  const text = raw.trim();
  if (text === '') return { kind: 'skip' };
  const match = /^(\d+)\s*(\S*)$/.exec(text);
  if (!match) {
    return {
      kind: 'invalid',
      reason: `"${text}" is not a rating: type a whole number from 1 to 5, optionally followed by S, M or L`,
    };
  }
  const value = Number(match[1]);
  if (value < 1 || value > 5) return { kind: 'invalid', reason: `value must be from 1 to 5, not ${value}` };
  const effort = (match[2] ?? '').toUpperCase();
  if (effort === '') return { kind: 'rate', value };
  if (effort !== 'S' && effort !== 'M' && effort !== 'L')
    return { kind: 'invalid', reason: `effort must be S, M or L, not "${match[2]}"` };
  return { kind: 'rate', value, effort };
}

/**
 * The interactive focused session in a terminal: start (or resume) a session, capture ideas line
 * by line under the question on screen, steer with /commands, then rate the ideas and close it.
 * Returns the exit status (0, or 130 after Ctrl+C, which leaves the session to resume later).
 */
export async function runTerminalSession(
  rt: Runtime,
  request: SessionStartRequest,
  resumeCommand: string,
): Promise<number> {
  const input = new LineInput();
  const runner = new TerminalSession(rt, input, resumeCommand);
  try {
    return await runner.run(request);
  } finally {
    runner.stop();
    input.close();
  }
}

class Left extends Error {
  constructor(readonly how: 'quit' | 'interrupt') {
    super(how);
  }
}

class TerminalSession {
  private view!: SessionView;
  /** `performance.now()` when `view` was fetched; the countdown runs on from there locally. */
  private fetchedAt = 0;
  private timer: NodeJS.Timeout | undefined;
  private timeUpNoticed = false;
  private chain: Promise<unknown> = Promise.resolve();
  private areaNames = new Map<string, string>();

  constructor(
    private readonly rt: Runtime,
    private readonly input: LineInput,
    private readonly resumeCommand: string,
  ) {}

  async run(request: SessionStartRequest): Promise<number> {
    try {
      await this.open(request);
      if (this.isActive()) await this.write();
      if (this.view.state === 'rating') await this.rate();
      return 0;
    } catch (error) {
      if (!(error instanceof Left)) throw error;
      this.stop();
      this.printLeft(error.how);
      return error.how === 'interrupt' ? EXIT_INTERRUPTED : 0;
    }
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  // ---------------------------------------------------------------------------------------------
  // Starting or resuming

  private async open(request: SessionStartRequest): Promise<void> {
    const { sessions } = this.rt.services;
    const active = await sessions.active(this.rt.actor);
    if (active) {
      await this.offerResume(active, request);
      return;
    }
    const start = (outsideExperiment: boolean) =>
      sessions.start(this.rt.actor, {
        minutes: request.minutes,
        deckId: request.deckId,
        areas: request.areas,
        ...(outsideExperiment ? { outsideExperiment } : {}),
      });
    this.setView(
      await start(request.outsideExperiment ?? false).catch(async (error: unknown) => {
        if (!duringPassivePhase(error)) throw error;
        await this.confirmOutsideExperiment(error);
        return start(true);
      }),
    );
    this.out(
      `Focused session: ${formatClock(this.view.plannedMs)} on "${this.view.deckName}". ` +
        'Type ideas, one per line; /help lists the commands.\n',
    );
  }

  /** Asks before a session during an experiment's passive phase; refuses when nobody can answer. */
  private async confirmOutsideExperiment(refusal: WhetstoneError): Promise<void> {
    const reason = refusal.issues[0]?.message ?? refusal.message;
    if (!this.input.interactive)
      throw new WhetstoneError(
        'conflict',
        `session: ${reason.replace(/ — confirm.*$/, '')}; add --outside-experiment to start one anyway`,
        refusal.issues,
      );
    this.out(`Your experiment: ${reason.replace(/^your experiment's /, '').replace(/ — confirm.*$/, '')}.\n`);
    for (;;) {
      const answer = (await this.read('Start a session anyway? [y/N] ')).trim().toLowerCase();
      if (answer === 'y' || answer === 'yes') return;
      if (answer === '' || answer === 'n' || answer === 'no')
        throw new WhetstoneError('conflict', 'session: not started; your experiment goes on as it was');
      this.out('Please answer y or n.\n');
    }
  }

  private async offerResume(active: SessionView, request: SessionStartRequest): Promise<void> {
    const what =
      active.state === 'rating'
        ? 'has ended and is waiting for your ratings'
        : `is ${active.state} (${formatClock(active.remainingMs)} left, ${plural(active.ideas.length, 'idea')})`;
    this.out(
      `A session is already active: "${active.deckName}", started ${localTime(active.startedAt)}, ${what}.\n`,
    );
    if (!this.input.interactive) {
      throw new WhetstoneError(
        'conflict',
        `session ${active.id} is already active; run \`${this.resumeCommand}\` in a terminal to resume it`,
      );
    }
    for (;;) {
      const answer = (await this.read('Resume it? [Y/n] ')).trim().toLowerCase();
      if (answer === '' || answer === 'y' || answer === 'yes') break;
      if (answer === 'n' || answer === 'no') {
        throw new WhetstoneError(
          'conflict',
          `not resumed: session ${active.id} is still active; run \`${this.resumeCommand}\` again to resume it`,
        );
      }
      this.out('Please answer y or n.\n');
    }
    if (request.minutes !== undefined || request.deckId !== undefined || request.areas !== undefined)
      this.out('(--minutes, --deck and --areas apply to new sessions; resuming the active one as it was)\n');
    this.setView(
      active.state === 'paused' ? await this.rt.services.sessions.resume(this.rt.actor, active.id) : active,
    );
    if (this.view.state === 'running' && this.view.timeUp) {
      this.out('Time ran out while you were away.\n');
      this.setView(await this.rt.services.sessions.end(this.rt.actor, this.view.id));
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Writing ideas

  private async write(): Promise<void> {
    await this.loadAreaNames();
    this.printQuestion();
    this.printStatus();
    this.timer = setInterval(() => this.tick(), 1000);
    while (this.isActive()) {
      const line = (await this.read(this.prompt())).trim();
      let outcome: Outcome = 'continue';
      try {
        outcome = await this.serial(() => this.handle(line));
      } catch (error) {
        if (!(error instanceof WhetstoneError)) throw error;
        this.out(`whet: ${error.message}\n`);
      }
      if (outcome === 'quit') throw new Left('quit');
      if (this.isActive()) this.printStatus();
    }
    this.stop();
  }

  private async handle(line: string): Promise<Outcome> {
    const { sessions } = this.rt.services;
    const [command, ...args] = line.startsWith('/') ? line.slice(1).split(/\s+/) : [];
    const isIdea = line !== '' && command === undefined;
    // Time is checked on every input too, not only by the timer.
    if (this.view.state === 'running' && this.remaining() <= 0 && command !== 'add' && command !== 'quit') {
      if (isIdea) await this.capture(line);
      await this.timeUp();
      return 'continue';
    }
    if (this.view.state === 'rating') {
      // Ended by the timer while this line was being typed: keep the idea, then rate.
      if (isIdea) await this.capture(line);
      return command === 'quit' ? 'quit' : 'continue';
    }
    if (line === '') return 'continue';
    if (isIdea) {
      await this.capture(line);
      return 'continue';
    }
    const id = this.view.id;
    const actor = this.rt.actor;
    switch (command?.toLowerCase()) {
      case 'next':
      case 'skip':
        this.setView(await sessions.next(actor, id, command.toLowerCase() as 'next' | 'skip'));
        this.printQuestion();
        break;
      case 'back':
        this.setView(await sessions.back(actor, id));
        this.printQuestion();
        break;
      case 'pause':
        this.setView(await sessions.pause(actor, id));
        this.out('Paused: the clock is stopped. /resume to go on (you can still write ideas).\n');
        break;
      case 'resume':
        this.setView(await sessions.resume(actor, id));
        this.printQuestion();
        break;
      case 'add': {
        const minutes = args[0];
        if (minutes === undefined || args.length > 1) {
          this.out('Usage: /add N   (N minutes, e.g. /add 5)\n');
          break;
        }
        this.setView(
          await sessions.addTime(actor, id, { minutes: /^\d+$/.test(minutes) ? Number(minutes) : minutes }),
        );
        this.timeUpNoticed = false;
        this.out(`Added ${plural(Number(minutes), 'minute')}.\n`);
        break;
      }
      case 'end':
        this.setView(await sessions.end(actor, id));
        break;
      case 'help':
        this.out(HELP);
        break;
      case 'quit':
        return 'quit';
      default:
        this.out(`Unknown command "/${command ?? ''}"; /help lists the commands.\n`);
    }
    return 'continue';
  }

  private async capture(line: string): Promise<void> {
    const { text, area } = parseIdeaLine(line);
    if (line.startsWith('#') && !/\s/.test(line)) {
      this.out('An area tag needs an idea with it, e.g. "#writing outline before drafting".\n');
      return;
    }
    let areaId: string | undefined;
    if (area !== undefined) {
      try {
        areaId = await this.rt.services.areas.resolve(this.rt.actor, area);
      } catch (error) {
        if (error instanceof WhetstoneError)
          throw new WhetstoneError(error.code, `${error.message} (idea not saved; press ↑ to edit it)`);
        throw error;
      }
    }
    const idea = await this.rt.services.sessions.capture(this.rt.actor, this.view.id, { text, areaId });
    this.setView(await this.rt.services.sessions.get(this.rt.actor, this.view.id));
    this.out(`  saved${idea.areaId ? ` under ${this.areaName(idea.areaId)}` : ''}\n`);
  }

  private async timeUp(): Promise<void> {
    if (!this.timeUpNoticed) this.out(`${TIME_UP}\n`);
    this.timeUpNoticed = true;
    if (this.view.state === 'running')
      this.setView(await this.rt.services.sessions.end(this.rt.actor, this.view.id));
  }

  /** Every second: keep the countdown in the prompt current, and end the session at zero. */
  private tick(): void {
    if (this.view.state !== 'running') return;
    if (this.remaining() > 0) {
      this.input.updatePrompt(this.prompt());
      return;
    }
    if (this.timeUpNoticed) return;
    this.timeUpNoticed = true;
    this.input.notice(TIME_UP);
    this.serial(async () => {
      if (this.view.state === 'running')
        this.setView(await this.rt.services.sessions.end(this.rt.actor, this.view.id));
      this.input.updatePrompt(this.prompt());
    }).catch((error: unknown) =>
      this.input.notice(`whet: ${error instanceof Error ? error.message : String(error)}`),
    );
  }

  // ---------------------------------------------------------------------------------------------
  // Rating and closing

  private async rate(): Promise<void> {
    this.stop();
    this.setView(await this.rt.services.sessions.get(this.rt.actor, this.view.id));
    await this.loadAreaNames();
    const blind = new Set(this.view.blindIdeaIds);
    const ideas = this.view.ideas.filter((idea) => !blind.has(idea.id));
    this.out(
      ideas.length === 0
        ? `\nThe session has ended. ${blind.size ? 'Nothing to rate now.' : 'No ideas to rate this time.'}\n`
        : `\nThe session has ended. Rate your ${plural(ideas.length, 'idea')}:\n`,
    );
    if (blind.size > 0) this.out(`${blindNotice(blind.size)}\n`);
    for (const [index, idea] of ideas.entries()) {
      this.out(`\n(${index + 1}/${ideas.length}) ${idea.text}${this.ideaNote(idea)}\n`);
      for (;;) {
        const parsed = parseRating(await this.read(RATING_PROMPT));
        if (parsed.kind === 'skip') break;
        if (parsed.kind === 'invalid') {
          this.out(`  ${parsed.reason}\n`);
          continue;
        }
        try {
          await this.rt.services.sessions.rate(this.rt.actor, this.view.id, idea.id, {
            value: parsed.value,
            ...(parsed.effort ? { effort: parsed.effort } : {}),
          });
          break;
        } catch (error) {
          if (!(error instanceof WhetstoneError)) throw error;
          this.out(`  ${error.message}\n`);
        }
      }
    }
    const note = (await this.read(`\n${NOTE_PROMPT}`)).trim();
    this.setView(await this.rt.services.sessions.complete(this.rt.actor, this.view.id, note ? { note } : {}));
    this.out('\n');
    printSessionSummary(this.view, this.areaNames);
  }

  private ideaNote(idea: Idea): string {
    const parts = [
      idea.areaId ? this.areaName(idea.areaId) : '',
      idea.value !== null ? `rated ${idea.value}${idea.effort ? ` ${idea.effort}` : ''}` : '',
    ].filter(Boolean);
    return parts.length > 0 ? `  [${parts.join(', ')}]` : '';
  }

  // ---------------------------------------------------------------------------------------------
  // Screen

  private printQuestion(): void {
    const current = this.view.current;
    if (!current) return;
    this.out(
      `\nQuestion ${this.view.position + 1} of ${this.view.queueLength} (${current.stage})\n  ${current.text}\n\n`,
    );
  }

  private printStatus(): void {
    const parts = [
      ...(this.view.state === 'paused' ? ['paused'] : []),
      `${formatClock(this.remaining())} left`,
      `question ${this.view.position + 1} of ${this.view.queueLength}`,
      plural(this.view.ideas.length, 'idea'),
    ];
    this.out(`[${parts.join(' · ')}]\n`);
  }

  private prompt(): string {
    if (this.view.state === 'rating') return 'press Enter › ';
    return `${this.view.state === 'paused' ? 'paused ' : ''}${formatClock(this.remaining())} › `;
  }

  private printLeft(how: 'quit' | 'interrupt'): void {
    const state =
      this.view === undefined
        ? 'is still active'
        : this.view.state === 'rating'
          ? 'has ended and is waiting for your ratings'
          : this.view.state === 'paused'
            ? `is paused with ${formatClock(this.remaining())} left`
            : `is still running (${formatClock(this.remaining())} left)`;
    const message = `The session ${state}. Resume it with: ${this.resumeCommand}\n`;
    if (how === 'interrupt') process.stderr.write(`\nwhet: interrupted. ${message}`);
    else this.out(`\n${message}`);
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers

  /** Remaining time: the service's figure, less what has passed here since it was fetched. */
  private remaining(): number {
    if (this.view.state !== 'running') return this.view.remainingMs;
    return Math.max(0, this.view.remainingMs - (performance.now() - this.fetchedAt));
  }

  private setView(view: SessionView): void {
    this.view = view;
    this.fetchedAt = performance.now();
  }

  private isActive(): boolean {
    return this.view.state === 'running' || this.view.state === 'paused';
  }

  /** Reads one line; Ctrl+C and the end of input leave the session as it is. */
  private async read(prompt: string): Promise<string> {
    const result: ReadResult = await this.input.read(prompt);
    if (result.kind === 'line') return result.text;
    throw new Left(result.kind === 'interrupt' ? 'interrupt' : 'quit');
  }

  /** Service calls run one at a time, whether from a typed line or from the timer. */
  private serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.chain.then(work);
    this.chain = run.catch(() => undefined);
    return run;
  }

  private async loadAreaNames(): Promise<void> {
    const areas = await this.rt.services.areas.list(this.rt.actor, { includeArchived: true });
    this.areaNames = new Map(areas.map((a) => [a.id, a.name]));
  }

  private areaName(id: string): string {
    return this.areaNames.get(id) ?? id;
  }

  private out(text: string): void {
    process.stdout.write(text);
  }
}

/** Why the end screen skips ideas that count to a running experiment. */
function blindNotice(count: number): string {
  const these = count === 1 ? 'This session’s idea counts' : `${count} of this session’s ideas count`;
  return `${these} to your running experiment, so ${count === 1 ? 'it is' : 'they are'} rated later in the blind rating (whet experiment rate), where the phase is hidden.`;
}

/** The refusal of a session during an experiment's passive phase (see ExperimentSessions). */
function duringPassivePhase(error: unknown): error is WhetstoneError {
  return error instanceof WhetstoneError && error.issues.some((i) => i.field === 'outsideExperiment');
}
