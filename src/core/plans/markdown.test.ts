import { describe, expect, it } from 'vitest';
import { plansToMarkdown } from './markdown.js';
import { newPlan } from './plan.js';
import { newPracticeLog } from './practice.js';

const NOW = '2026-03-02T22:30:00.000Z';

describe('plansToMarkdown', () => {
  const plan = newPlan(
    {
      title: 'Summarise papers',
      kind: 'practice',
      ideaIds: ['idea1'],
      subSkill: 'reading',
      nextAction: 'Pick a paper',
      cadence: '3x30/week',
      successSignal: 'Under an hour | fast',
      reviewOn: '2026-03-16',
    },
    { id: 'plan1', now: NOW, timeZone: 'Europe/Berlin' },
  );
  const log = newPracticeLog(
    { planId: 'plan1', minutes: 30, difficulty: 3, note: 'tough\nbut fine' },
    { id: 'log1', now: NOW },
  );
  const markdown = plansToMarkdown({
    plans: [plan],
    practice: [log],
    interruptions: [],
    weeklyReviews: [
      {
        id: 'w1',
        weekOf: '2026-03-02',
        answers: [{ promptId: 'learned', text: 'Mornings work best' }],
        decisions: [{ planId: 'plan1', decision: 'keep', note: null }],
        createdAt: NOW,
      },
    ],
    planReviews: [],
    ideas: [
      {
        id: 'idea1',
        text: 'Practise reading',
        areaId: 'reading',
        source: 'noticed',
        status: 'planned',
        value: null,
        effort: null,
        context: null,
        createdAt: NOW,
        updatedAt: NOW,
        statusChangedAt: NOW,
        sessionId: null,
        questionId: null,
      },
    ],
    areas: [
      {
        id: 'reading',
        name: 'Reading papers',
        description: null,
        isDefault: true,
        archivedAt: null,
        createdAt: NOW,
      },
    ],
    timeZone: 'Europe/Berlin',
  });

  it('writes each plan with properties Obsidian and Logseq index', () => {
    expect(markdown).toContain(
      '## Summarise papers\n\nkind:: Practice routine\nstate:: active #whetstone/plan/active',
    );
    expect(markdown).toContain(
      'area:: Reading papers\nsub-skill:: Reading papers\ncadence:: 3 × 30 min a week',
    );
    expect(markdown).toContain('review-on:: [[2026-03-16]]\npractice:: 1 block, 30 min\nid:: plan1');
    expect(markdown).toContain('- Practise reading (id:: idea1)');
  });

  it('dates the practice log in the user’s zone and keeps table cells on one line', () => {
    // 22:30 UTC on 2 March is 23:30 in Berlin: still the 2nd there.
    expect(markdown).toContain('| [[2026-03-02]] | 30 | 3 | Summarise papers | tough but fine |');
  });

  it('quotes weekly review answers under their questions and lists the decisions', () => {
    expect(markdown).toContain(
      '## Week of [[2026-03-02]]\n\n**What did you find out this week about how you work best?**\n> Mornings work best\n\n- Keep: Summarise papers',
    );
  });

  it('writes nothing when there are no plans, logs or reviews', () => {
    expect(
      plansToMarkdown({
        plans: [],
        practice: [],
        interruptions: [],
        weeklyReviews: [],
        planReviews: [],
        ideas: [],
        areas: [],
        timeZone: 'UTC',
      }),
    ).toBe('');
  });
});
