/** A section's submit button: "Saving…" while under way, and a note while there are unsaved edits. */
export function SaveButton({ busy, dirty, label }: { busy: boolean; dirty: boolean; label: string }) {
  return (
    <div className="coach-form__actions">
      <button type="submit" className="button button--primary" disabled={busy}>
        {busy ? 'Saving…' : label}
      </button>
      <span className="meta-text" aria-live="polite">
        {dirty && !busy ? 'Unsaved changes' : ''}
      </span>
    </div>
  );
}
