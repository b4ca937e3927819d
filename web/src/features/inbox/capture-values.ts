import type { Effort, IdeaSource } from '../../../../src/core/ideas.js';
import type { NewIdea } from '../ideas/api.js';

/** What the capture box holds while an idea is typed. */
export interface CaptureValues {
  text: string;
  areaId: string | null;
  value: number | null;
  effort: Effort | null;
  context: string;
  source: IdeaSource;
}

/** What a capture resets to; area and source stay. */
export const CLEARED = { text: '', value: null, effort: null, context: '' } as const;

/** The request body: only what was filled in. */
export function toNewIdea({ text, areaId, source, value, effort, context }: CaptureValues): NewIdea {
  return {
    text,
    ...(areaId ? { areaId } : {}),
    source,
    ...(value !== null ? { value } : {}),
    ...(effort !== null ? { effort } : {}),
    ...(context.trim() ? { context } : {}),
  };
}
