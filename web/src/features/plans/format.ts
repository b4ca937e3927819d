/** Durations and cadences in short words. */

/** "45 min", "1 h 30 min", "2 h". */
export function minutesText(minutes: number): string {
  const rounded = Math.round(minutes);
  if (rounded < 60) return `${rounded} min`;
  const hours = Math.floor(rounded / 60);
  const rest = rounded % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** A stored cadence in short words: "2 × 30 min a week", or the block length and its rule. */
export function cadenceWords(cadence: { rule: string; minutes: number; perWeek: number | null }): string {
  return cadence.perWeek !== null
    ? `${cadence.perWeek} × ${cadence.minutes} min a week`
    : `${cadence.minutes}-min blocks, ${cadence.rule}`;
}
