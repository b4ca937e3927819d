import * as z from 'zod/mini';
import { notFound } from '../errors.js';
import '../schema-messages.js';

/**
 * Experiment templates are data. Every template has exactly two measured phases: the first is run
 * while the experiment is in state `passive` (the baseline), the second in state `focused` (the
 * change). The state names come from the flagship template; the general template reuses them.
 */
export const PhaseUnit = z.enum(['days', 'minutes']);
export type PhaseUnit = z.infer<typeof PhaseUnit>;

export const PhaseRole = z.enum(['passive', 'focused']);
export type PhaseRole = z.infer<typeof PhaseRole>;

const Key = z.string().check(z.regex(/^[a-z][a-z0-9-]{0,39}$/, 'must be a short lower-case key'));

export const TemplatePhase = z.strictObject({
  key: Key,
  role: PhaseRole,
  label: z.string().check(z.minLength(1), z.maxLength(120)),
  instructions: z.string().check(z.minLength(1), z.maxLength(1000)),
  unit: PhaseUnit,
  defaultLength: z.number().check(z.int(), z.positive()),
  minLength: z.number().check(z.int(), z.positive()),
  maxLength: z.number().check(z.int(), z.positive()),
});
export type TemplatePhase = z.infer<typeof TemplatePhase>;

export const ExperimentTemplate = z
  .strictObject({
    id: Key,
    version: z.number().check(z.int(), z.positive()),
    title: z.string().check(z.minLength(1), z.maxLength(120)),
    question: z.string().check(z.minLength(1), z.maxLength(500)),
    /** `ideas`: the phases are compared by blind-rated ideas; `measurement`: by a user-named quantity. */
    measures: z.enum(['ideas', 'measurement']),
    phases: z.tuple([TemplatePhase, TemplatePhase]),
  })
  .check(
    z.superRefine((template, ctx) => {
      const [first, second] = template.phases;
      if (first.role !== 'passive' || second.role !== 'focused')
        ctx.addIssue({
          code: 'custom',
          message: 'the phases must be passive then focused',
          path: ['phases'],
        });
      if (first.key === second.key)
        ctx.addIssue({ code: 'custom', message: 'phase keys must differ', path: ['phases', 1, 'key'] });
      template.phases.forEach((phase, i) => {
        if (!(phase.minLength <= phase.defaultLength && phase.defaultLength <= phase.maxLength))
          ctx.addIssue({
            code: 'custom',
            message: 'defaultLength must lie between minLength and maxLength',
            path: ['phases', i, 'defaultLength'],
          });
      });
    }),
  );
export type ExperimentTemplate = z.infer<typeof ExperimentTemplate>;

export const WEEK_VS_20_MINUTES: ExperimentTemplate = {
  id: 'week-vs-20-minutes',
  version: 1,
  title: 'A week vs 20 minutes',
  question:
    'Do 20 minutes of focused improvement thinking produce more valuable ideas than a week of noticing them while you work?',
  measures: 'ideas',
  phases: [
    {
      key: 'passive',
      role: 'passive',
      label: 'A week of noticing',
      instructions: 'Work normally. Whenever an idea for improving how you work comes up, note it.',
      unit: 'days',
      defaultLength: 7,
      minLength: 1,
      maxLength: 28,
    },
    {
      key: 'focused',
      role: 'focused',
      label: 'One focused session',
      instructions: 'Run one focused improvement session and capture every idea it brings up.',
      unit: 'minutes',
      defaultLength: 20,
      minLength: 5,
      maxLength: 120,
    },
  ],
};

export const BASELINE_VS_CHANGE: ExperimentTemplate = {
  id: 'baseline-vs-change',
  version: 1,
  title: 'Baseline vs change',
  question: 'Does a change you make move a quantity you care about (e.g. interruptions per day)?',
  measures: 'measurement',
  phases: [
    {
      key: 'baseline',
      role: 'passive',
      label: 'Baseline',
      instructions: 'Keep working as usual and record the measurement every day.',
      unit: 'days',
      defaultLength: 7,
      minLength: 1,
      maxLength: 90,
    },
    {
      key: 'change',
      role: 'focused',
      label: 'With the change',
      instructions: 'Make the change and keep recording the same measurement in the same way.',
      unit: 'days',
      defaultLength: 7,
      minLength: 1,
      maxLength: 90,
    },
  ],
};

export const BUILTIN_TEMPLATES: readonly ExperimentTemplate[] = [WEEK_VS_20_MINUTES, BASELINE_VS_CHANGE];

export function findTemplate(id: string): ExperimentTemplate {
  const template = BUILTIN_TEMPLATES.find((t) => t.id === id);
  if (!template) throw notFound('experiment template', id);
  return template;
}

/** Milliseconds in one unit of a phase length. */
export const UNIT_MS: Record<PhaseUnit, number> = { days: 86_400_000, minutes: 60_000 };
