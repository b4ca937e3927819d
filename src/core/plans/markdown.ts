import type { BackupArea } from '../backup.js';
import type { Idea } from '../ideas.js';
import { localDate } from '../time-zone.js';
import { describeCadence } from './cadence.js';
import { BUILTIN_SUB_SKILLS } from './exercises.js';
import type { Interruption } from './interruptions.js';
import { PLAN_KIND_LABELS, type Plan } from './plan.js';
import type { PracticeLog } from './practice.js';
import { PLAN_REVIEW_PROMPTS, type PlanReview, WEEKLY_REVIEW_PROMPTS, type WeeklyReview } from './review.js';

/**
 * Plans, the practice log and reviews as Markdown that Obsidian and Logseq read well: one heading
 * per plan with `key:: value` properties (Dataview and Logseq both index them), dates as `[[links]]`
 * to daily notes, and answers quoted under their questions.
 */
export interface PlansMarkdownInput {
  plans: readonly Plan[];
  practice: readonly PracticeLog[];
  interruptions: readonly Interruption[];
  weeklyReviews: readonly WeeklyReview[];
  planReviews: readonly PlanReview[];
  ideas: readonly Idea[];
  areas: readonly BackupArea[];
  timeZone: string;
}

const DECISION_WORDS = { keep: 'Keep', adjust: 'Adjust', drop: 'Drop' } as const;
const oneLine = (text: string) => text.replace(/\s*\n\s*/g, ' ').trim();
const cell = (text: string) => oneLine(text).replace(/\|/g, '\\|');
const promptText = (prompts: readonly { id: string; text: string }[], id: string) =>
  prompts.find((p) => p.id === id)?.text ?? id;

export function plansToMarkdown(input: PlansMarkdownInput): string {
  const { timeZone } = input;
  const day = (at: string) => `[[${localDate(at, timeZone)}]]`;
  const areaName = (id: string | null) =>
    id === null ? null : (input.areas.find((a) => a.id === id)?.name ?? id);
  const ideaText = new Map(input.ideas.map((i) => [i.id, i.text]));
  const planTitle = new Map(input.plans.map((p) => [p.id, p.title]));
  const lines: string[] = [];

  if (input.plans.length > 0) {
    lines.push('# Plans', '');
    for (const plan of input.plans) {
      const logs = input.practice.filter((l) => l.planId === plan.id);
      const subSkill =
        plan.subSkill && (BUILTIN_SUB_SKILLS.find((s) => s.id === plan.subSkill)?.label ?? plan.subSkill);
      lines.push(`## ${oneLine(plan.title)}`, '');
      const properties = [
        `kind:: ${PLAN_KIND_LABELS[plan.kind]}`,
        `state:: ${plan.state} #whetstone/plan/${plan.state}`,
        areaName(plan.areaId) ? `area:: ${areaName(plan.areaId)}` : null,
        subSkill ? `sub-skill:: ${subSkill}` : null,
        plan.cadence ? `cadence:: ${describeCadence(plan.cadence)}` : null,
        `next-action:: ${oneLine(plan.nextAction)}`,
        `success-signal:: ${oneLine(plan.successSignal)}`,
        `review-on:: [[${plan.reviewOn}]]`,
        `practice:: ${logs.length} block${logs.length === 1 ? '' : 's'}, ${logs.reduce((s, l) => s + l.minutes, 0)} min`,
        `id:: ${plan.id}`,
      ];
      for (const property of properties) if (property) lines.push(property);
      const ideas = plan.ideaIds.filter((id) => ideaText.has(id));
      if (ideas.length > 0) {
        lines.push('', 'From the ideas:');
        for (const id of ideas) lines.push(`- ${oneLine(ideaText.get(id) ?? '')} (id:: ${id})`);
      }
      const reviews = input.planReviews.filter((r) => r.planId === plan.id);
      for (const review of reviews) {
        const changed = [
          review.newReviewOn ? `next review [[${review.newReviewOn}]]` : null,
          review.newCadence ? `cadence ${describeCadence(review.newCadence)}` : null,
          review.newNextAction ? `next action “${oneLine(review.newNextAction)}”` : null,
        ].filter(Boolean);
        lines.push('', `### Review ${day(review.createdAt)}: ${DECISION_WORDS[review.decision]}`);
        if (review.note) lines.push('', oneLine(review.note));
        if (changed.length > 0) lines.push('', `Changed: ${changed.join(', ')}.`);
        for (const answer of review.answers)
          lines.push(
            '',
            `**${promptText(PLAN_REVIEW_PROMPTS, answer.promptId)}**`,
            `> ${oneLine(answer.text)}`,
          );
      }
      lines.push('');
    }
  }

  if (input.practice.length > 0) {
    lines.push(
      '# Practice log',
      '',
      '| Date | Minutes | Difficulty | Plan | Note |',
      '| --- | ---: | ---: | --- | --- |',
    );
    for (const log of input.practice) {
      const plan = log.planId ? cell(planTitle.get(log.planId) ?? log.planId) : '';
      lines.push(
        `| ${day(log.at)} | ${log.minutes} | ${log.difficulty ?? ''} | ${plan} | ${log.note ? cell(log.note) : ''} |`,
      );
    }
    lines.push('');
  }

  if (input.interruptions.length > 0) {
    lines.push('# Interruptions', '', '| Date | Time | Minutes | Reason |', '| --- | --- | ---: | --- |');
    for (const item of input.interruptions) {
      const local = new Date(item.at).toLocaleTimeString('en-GB', {
        timeZone,
        hour: '2-digit',
        minute: '2-digit',
      });
      lines.push(
        `| ${day(item.at)} | ${local} | ${item.durationMinutes ?? ''} | ${item.reason ? cell(item.reason) : ''} |`,
      );
    }
    lines.push('');
  }

  if (input.weeklyReviews.length > 0) {
    lines.push('# Weekly reviews', '');
    for (const review of input.weeklyReviews) {
      lines.push(`## Week of [[${review.weekOf}]]`, '');
      for (const answer of review.answers)
        lines.push(
          `**${promptText(WEEKLY_REVIEW_PROMPTS, answer.promptId)}**`,
          `> ${oneLine(answer.text)}`,
          '',
        );
      for (const decision of review.decisions)
        lines.push(
          `- ${DECISION_WORDS[decision.decision]}: ${oneLine(planTitle.get(decision.planId) ?? decision.planId)}${decision.note ? ` — ${oneLine(decision.note)}` : ''}`,
        );
      if (review.decisions.length > 0) lines.push('');
    }
  }
  return lines.join('\n');
}
