import type { Idea } from '../../../../src/core/ideas.js';

/** "Idea saved to <area>. Undo", announced politely; empty (but present) when there is nothing to say. */
export function SavedNotice({
  idea,
  areaName,
  onUndo,
}: {
  idea: Idea | null;
  areaName: string | null;
  onUndo: () => void;
}) {
  return (
    <p className="capture__saved" role="status" aria-live="polite">
      {idea && (
        <>
          <svg viewBox="0 0 16 16" aria-hidden="true" className="check">
            <path d="M3.5 8.5l3 3 6-7" />
          </svg>
          Idea saved{areaName ? ` to ${areaName}` : ''}.{' '}
          <button type="button" className="link-button" onClick={onUndo}>
            Undo
          </button>
        </>
      )}
    </p>
  );
}
