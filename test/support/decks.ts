/**
 * A two-question deck file whose second question names an unknown area, "basketweaving", at
 * line 10, column 21. Replacing that area with a known one makes it a valid deck.
 */
export const LAB_DECK_WITH_UNKNOWN_AREA = [
  'id: lab-deck',
  'name: Lab deck',
  'questions:',
  '  - id: lab-first',
  '    stage: opening',
  '    areas: []',
  '    text: What slowed the lab down this week?',
  '  - id: lab-second',
  '    stage: planning',
  '    areas: [coding, basketweaving]',
  '    text: What will you try first tomorrow?',
  '',
].join('\n');
