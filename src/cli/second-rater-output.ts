import type { SecondRaterReport } from '../core/experiments/report-view.js';
import type {
  NewSecondRaterLink,
  SecondRaterInvitation,
  SecondRaterStatus,
} from '../core/experiments/second-rater.js';
import { printColumns } from './columns.js';
import { localTime } from './session-output.js';

const out = (text: string) => process.stdout.write(text);

/**
 * The report's second-rater section: their mean and 4–5 count per phase, how many ideas both of
 * you rated, the agreement with its Landis & Koch reading, and that the verdict stays yours.
 */
export function printSecondRaterSection(section: SecondRaterReport): void {
  const who = section.raterName ?? 'The second rater';
  const progress = section.finished
    ? `finished, rated ${section.rated} of ${section.total} kept ideas`
    : `not finished yet, rated ${section.rated} of ${section.total} kept ideas so far`;
  out(`\nSecond rater  ${who}: ${progress}\n`);
  printColumns(
    [
      ['phase', 'rated', 'mean per idea', 'valued 4-5'],
      ...section.phases.map((p) => [
        p.label,
        String(p.rated),
        p.meanValue === null ? '—' : p.meanValue.toFixed(2),
        String(p.highValueCount),
      ]),
    ],
    '  ',
  );
  const { agreement } = section;
  const reading =
    agreement.kappa === null
      ? 'not computed'
      : `${agreement.kappa.toFixed(2)} (${agreement.band}, Landis & Koch 1977)`;
  out(`Both rated  ${agreement.pairs} idea${agreement.pairs === 1 ? '' : 's'}\n`);
  out(`Agreement   ${agreement.method}: ${reading}\n`);
  out(`            ${agreement.text}\n`);
  out(`Note        ${section.note}\n`);
}

/** One line on where the second rating stands, for `whet experiment second-rater --status`. */
export function printSecondRaterStatus(status: SecondRaterStatus, experimentId: string): void {
  const { invitation } = status;
  if (!invitation) {
    out(`No second rater. Invite one with: whet experiment second-rater ${experimentId} [--name NAME]\n`);
    return;
  }
  out(`${invitationLine(invitation)}\n`);
  if (invitation.linkEnded)
    out(
      'Restored from a backup: the link no longer works. Their ratings stay in the report; a new link\n' +
        `(whet experiment second-rater ${experimentId}) starts a new rating.\n`,
    );
}

/** The answer to an invitation: the link, shown this once. */
export function printNewSecondRaterLink(created: NewSecondRaterLink, experimentId: string): void {
  const who = created.invitation.raterName ?? 'your second rater';
  out(`Send this link to ${who} (shown only now; keep it private):\n\n  ${created.link}\n\n`);
  out(
    `They rate the ${created.invitation.total} kept idea texts blind, one at a time: no phase, none of your values.\n` +
      `Progress: whet experiment second-rater ${experimentId} --status; end the link: --withdraw\n`,
  );
}

function invitationLine(invitation: SecondRaterInvitation): string {
  const who = invitation.raterName ?? 'The second rater';
  const progress = invitation.finishedAt
    ? `finished ${localTime(invitation.finishedAt)}, ${invitation.rated} of ${invitation.total} rated`
    : `${invitation.rated} of ${invitation.total} rated, not finished yet`;
  return `${who}: ${progress} (invited ${localTime(invitation.createdAt)})`;
}
