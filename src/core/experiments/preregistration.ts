import type { ExperimentRecord } from './experiment.js';
import { findTemplate } from './templates.js';

/*
 * The canonical text of a locked prediction: everything that decides how the experiment will be
 * judged, written once at the lock, in a fixed order and format, so the same lock always gives the
 * same bytes and therefore the same SHA-256. Changing this format changes every future digest, so
 * it carries a version line; texts already sealed are stored and never rebuilt.
 */

export const PREREGISTRATION_FORMAT = 'Whetstone preregistration, format 1';

const FAVOURED_WORDS = {
  focused: 'the second phase',
  passive: 'the first phase',
  'no-difference': 'neither',
};

export function preregistrationText(record: ExperimentRecord): string {
  if (!record.prediction.lockedAt) throw new Error('preregistrationText: the prediction is not locked');
  const template = findTemplate(record.templateId);
  const { prediction, measurement } = record;
  const favouredPhase = record.phases.find((p) => p.role === prediction.favoured);
  const lines = [
    PREREGISTRATION_FORMAT,
    `Experiment: ${record.id}`,
    `Template: ${template.id}, version ${record.templateVersion} (${template.title})`,
    `Prediction: ${oneLine(prediction.text)}`,
    `Favoured: ${favouredPhase ? `${favouredPhase.key} (${favouredPhase.label})` : FAVOURED_WORDS[prediction.favoured]}`,
    `Expected size: ${prediction.byHowMuch ? oneLine(prediction.byHowMuch) : 'not stated'}`,
    ...record.phases.map(
      (p, i) =>
        `Phase ${i + 1}: ${p.key} (${p.label}), ${p.length} ${p.unit}, planned ${p.plannedStart} to ${p.plannedEnd}`,
    ),
    ...(measurement
      ? [
          `Measurement: ${measurement.name}${measurement.unit ? ` (${measurement.unit})` : ''}, ${measurement.better} is better`,
        ]
      : []),
    `Rating delay: ${record.ratingDelayHours} hours after the second phase`,
    `Locked at: ${prediction.lockedAt}`,
  ];
  return `${lines.join('\n')}\n`;
}

/** Line breaks in free text would let two different predictions print alike; they become spaces. */
function oneLine(text: string): string {
  return text.replace(/\s*\r?\n\s*/g, ' ');
}
