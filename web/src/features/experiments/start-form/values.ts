import * as z from 'zod/mini';
import type { StartExperimentInput } from '../../../../../src/core/experiments/experiment.js';
import {
  Favoured,
  MeasurementDirection,
  PREDICTION_BY_HOW_MUCH_MAX,
  PREDICTION_TEXT_MAX,
} from '../../../../../src/core/experiments/experiment.js';
import type { ExperimentTemplate } from '../../../../../src/core/experiments/templates.js';
import type { PredictionValues } from '../PredictionFields.js';

/** The experiment the form offers first. */
const FLAGSHIP = 'week-vs-20-minutes';

/** What the start form holds: typed text as typed; numbers are read when it is sent. */
export interface StartFormValues {
  templateId: string;
  prediction: PredictionValues;
  measurement: { name: string; unit: string; better: MeasurementDirection };
  /** Every template's phases by key (keys differ between templates), so a switch keeps what was typed. */
  phases: Record<string, { length: string }>;
  ratingDelayHours: string;
}

export function defaultStartValues(templates: readonly ExperimentTemplate[]): StartFormValues {
  const first = templates.find((t) => t.id === FLAGSHIP) ?? templates[0];
  return {
    templateId: first?.id ?? '',
    prediction: { text: '', favoured: null, byHowMuch: '' },
    measurement: { name: '', unit: '', better: 'lower' },
    phases: Object.fromEntries(
      templates.flatMap((t) => t.phases.map((p) => [p.key, { length: String(p.defaultLength) }])),
    ),
    ratingDelayHours: '',
  };
}

/**
 * What is checked before sending: the prediction and, for a measurement template, the
 * measurement's name, in the form's own words. Lengths and the delay are the server's to judge,
 * against the template's bounds.
 */
export function startFormSchema(templates: readonly ExperimentTemplate[]) {
  const measures = (templateId: string) => templates.find((t) => t.id === templateId)?.measures;
  return z
    .object({
      templateId: z.string(),
      prediction: z.object({
        text: z
          .string()
          .check(
            z.trim(),
            z.minLength(1, 'Write down what you expect before you start.'),
            z.maxLength(PREDICTION_TEXT_MAX),
          ),
        favoured: z.enum(Favoured.options, 'Choose which phase you expect to win.'),
        byHowMuch: z.string().check(z.trim(), z.maxLength(PREDICTION_BY_HOW_MUCH_MAX)),
      }),
      measurement: z.object({
        name: z.string().check(z.trim()),
        unit: z.string().check(z.trim()),
        better: MeasurementDirection,
      }),
      phases: z.record(z.string(), z.object({ length: z.string() })),
      ratingDelayHours: z.string(),
    })
    .check(
      z.refine((v) => measures(v.templateId) !== 'measurement' || v.measurement.name !== '', {
        message: 'Name the quantity you will measure.',
        path: ['measurement', 'name'],
        // Shown together with the prediction's messages, not after they are fixed.
        when: () => true,
      }),
    );
}

/** The request for the checked values: only the chosen template's phases and options. */
export function startInput(template: ExperimentTemplate, values: StartFormValues): StartExperimentInput {
  const { prediction, measurement } = values;
  // The schema has made sure of it; the type cannot say so.
  if (!prediction.favoured) throw new Error('Choose which phase you expect to win.');
  const ideas = template.measures === 'ideas';
  const phases = Object.fromEntries(
    template.phases.map((p) => [p.key, { length: Number(values.phases[p.key]?.length ?? p.defaultLength) }]),
  );
  return {
    templateId: template.id,
    prediction: {
      text: prediction.text,
      favoured: prediction.favoured,
      byHowMuch: prediction.byHowMuch || null,
    },
    phases,
    start: true,
    ...(ideas && values.ratingDelayHours.trim() ? { ratingDelayHours: Number(values.ratingDelayHours) } : {}),
    ...(ideas
      ? {}
      : {
          measurement: {
            name: measurement.name,
            ...(measurement.unit ? { unit: measurement.unit } : {}),
            better: measurement.better,
          },
        }),
  };
}
