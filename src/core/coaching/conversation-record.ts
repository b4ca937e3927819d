import { CULTURE_ANSWER_LABELS, type CultureAnswer } from '../culture/answers.js';
import { checkRecipient, escapeHtml, htmlBody, type OutgoingMail, oneLine, webLink } from '../mail.js';
import { meetingTime } from './booking-mail.js';
import type { ConversationIdeaStatus, RoomRole } from './conversation.js';
import type { FollowUp } from './follow-up.js';

/**
 * What a conversation leaves behind, in two forms: the summary mail both people get when it ends,
 * and a Markdown file (front matter and headings an Obsidian vault reads well). Pure.
 */
export interface ConversationRecord {
  typeTitle: string;
  coachName: string;
  researcherName: string;
  start: string;
  end: string;
  sharedNotes: string;
  ideas: readonly { text: string; status: ConversationIdeaStatus; proposedBy: RoomRole }[];
  /** Plans the researcher made from the accepted ideas. */
  plans: readonly { title: string }[];
  followUp: FollowUp | null;
  /** Only in the coach's own export. */
  coachNotes?: string | undefined;
  culture?: { answer: CultureAnswer | null; note: string } | undefined;
}

const accepted = (record: ConversationRecord) => record.ideas.filter((idea) => idea.status === 'accepted');

/** A YAML scalar that survives any text: JSON strings are valid YAML. */
const yaml = (value: string) => JSON.stringify(value);

/** The conversation as Markdown, in `timeZone` (the exporter's). */
export function conversationMarkdown(record: ConversationRecord, timeZone: string): string {
  const when = meetingTime(record.start, record.end, timeZone);
  const lines = [
    '---',
    `title: ${yaml(`${record.typeTitle} with ${record.coachName}`)}`,
    `date: ${record.start.slice(0, 10)}`,
    `coach: ${yaml(record.coachName)}`,
    `researcher: ${yaml(record.researcherName)}`,
    'tags: [whetstone, debugging-conversation]',
    '---',
    '',
    `# ${record.typeTitle}: ${record.coachName} and ${record.researcherName}`,
    '',
    when,
    '',
    '## Shared notes',
    '',
    record.sharedNotes.trim() === '' ? '_No shared notes._' : record.sharedNotes.trim(),
    '',
    '## Ideas',
    '',
    ...(record.ideas.length === 0
      ? ['_No ideas were proposed._']
      : record.ideas.map(
          (idea) =>
            `- [${idea.status === 'accepted' ? 'x' : ' '}] ${oneLine(idea.text)}${idea.status === 'rejected' ? ' _(not taken up)_' : idea.status === 'proposed' ? ' _(not decided)_' : ''}`,
        )),
    '',
  ];
  if (record.plans.length > 0)
    lines.push('## Plans', '', ...record.plans.map((p) => `- ${oneLine(p.title)}`), '');
  if (record.followUp)
    lines.push(
      '## Follow-up',
      '',
      `${record.followUp.typeTitle}: ${record.followUp.bookUrl}`,
      ...(record.followUp.note ? ['', record.followUp.note] : []),
      '',
    );
  if (record.coachNotes !== undefined)
    lines.push(
      '## Coach’s notes',
      '',
      record.coachNotes.trim() === '' ? '_None._' : record.coachNotes.trim(),
      '',
    );
  if (record.culture?.answer)
    lines.push(
      '## How they get better at research now',
      '',
      `${CULTURE_ANSWER_LABELS[record.culture.answer]}${record.culture.note ? ` — ${oneLine(record.culture.note)}` : ''}`,
      '',
    );
  return lines.join('\n');
}

/** The summary mail of an ended conversation, to one of its two people. */
export function conversationSummaryMail(
  record: ConversationRecord,
  to: { email: string; name: string; timeZone: string; role: RoomRole },
  link: string,
): OutgoingMail {
  const other = to.role === 'coach' ? record.researcherName : record.coachName;
  const when = meetingTime(record.start, record.end, to.timeZone);
  const ideas = accepted(record).map((idea) => oneLine(idea.text));
  const notes = record.sharedNotes.trim();
  const follow = record.followUp;
  const title = `Summary: ${oneLine(record.typeTitle)} with ${oneLine(other)}`;
  const text = [
    `Hello ${oneLine(to.name)},`,
    '',
    `Here is what your ${oneLine(record.typeTitle)} with ${oneLine(other)} (${when}) left you with.`,
    '',
    'Shared notes:',
    notes === '' ? '  (none)' : notes,
    '',
    to.role === 'researcher' ? 'Ideas now in your inbox:' : 'Ideas the researcher took into their inbox:',
    ...(ideas.length === 0 ? ['  (none)'] : ideas.map((idea) => `- ${idea}`)),
    ...(record.plans.length > 0
      ? ['', 'Plans made:', ...record.plans.map((p) => `- ${oneLine(p.title)}`)]
      : []),
    ...(follow
      ? [
          '',
          `Follow-up: ${follow.typeTitle} — book it here: ${follow.bookUrl}`,
          ...(follow.note ? [follow.note] : []),
        ]
      : []),
    '',
    'The conversation:',
    webLink(link),
    '',
    'Whetstone',
    '',
  ].join('\n');
  const list = (items: readonly string[]) =>
    items.length === 0 ? '<em>None.</em>' : items.map((item) => `• ${escapeHtml(item)}`).join('<br>');
  const html = htmlBody({
    title,
    intro: [
      `Hello ${escapeHtml(oneLine(to.name))},`,
      `Here is what your ${escapeHtml(oneLine(record.typeTitle))} with ${escapeHtml(oneLine(other))} (${escapeHtml(when)}) left you with.`,
      `<strong>Shared notes</strong><br>${notes === '' ? '<em>None.</em>' : escapeHtml(notes).replace(/\n/g, '<br>')}`,
      `<strong>${to.role === 'researcher' ? 'Ideas now in your inbox' : 'Ideas the researcher took into their inbox'}</strong><br>${list(ideas)}`,
      ...(record.plans.length > 0
        ? [`<strong>Plans made</strong><br>${list(record.plans.map((p) => oneLine(p.title)))}`]
        : []),
      ...(follow
        ? [
            `<strong>Follow-up</strong><br>${escapeHtml(follow.typeTitle)}: <a href="${escapeHtml(webLink(follow.bookUrl))}">book it here</a>${follow.note ? `<br>${escapeHtml(follow.note)}` : ''}`,
          ]
        : []),
    ],
    action: 'Open the conversation',
    link: webLink(link),
    outro: [],
  });
  return { to: checkRecipient(to.email), subject: title, text, html };
}
