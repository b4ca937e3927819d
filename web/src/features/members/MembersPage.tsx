import { useId } from 'react';
import { InvitationsSection } from './InvitationsSection.js';
import { InviteForm } from './InviteForm.js';
import { MembersTable } from './MembersTable.js';
import '../../shared/styles/choice-list.css';
import '../../shared/styles/row-list.css';
import './members.css';

/** /members (org admins): who is in the organisation with which roles, and who is invited. */
export function MembersPage() {
  const id = useId();
  return (
    <div className="page">
      <header className="page-header">
        <h1 className="page-title">Members</h1>
        <p className="page-lede">
          Invite people, choose their roles, and deactivate an account that should no longer sign in. Admins
          manage the organisation; they never see another person’s ideas.
        </p>
      </header>
      <section className="data-section" aria-labelledby={`${id}-invite`}>
        <h2 id={`${id}-invite`} className="section-title">
          Invite someone
        </h2>
        <InviteForm />
      </section>
      <InvitationsSection />
      <section className="data-section" aria-labelledby={`${id}-members`}>
        <h2 id={`${id}-members`} className="section-title">
          People
        </h2>
        <MembersTable />
      </section>
    </div>
  );
}
