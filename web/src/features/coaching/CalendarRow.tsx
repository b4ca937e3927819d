import type { BusyCalendar } from '../../../../src/core/coaching/availability.js';
import { useApiAction } from '../../shared/api/action.js';
import { ErrorNotice } from '../../shared/components/PageStates.js';
import { fullTime, relativeTime } from '../../shared/format.js';
import { useToast } from '../../shared/state.js';
import { coachApi } from './api.js';

const busyText = (count: number) => `${count} busy time${count === 1 ? '' : 's'}`;

/** "Last read 5 min ago · 12 busy times", or the last error in red with when it last worked. */
function CalendarStatus({ calendar }: { calendar: BusyCalendar }) {
  const when = (iso: string) => (
    <time dateTime={iso} title={fullTime(iso)}>
      {relativeTime(iso)}
    </time>
  );
  if (calendar.lastError)
    return (
      <span className="calendar-row__error">
        Could not read it{calendar.lastAttemptAt && <> {when(calendar.lastAttemptAt)}</>}:{' '}
        {calendar.lastError}.{' '}
        {calendar.lastSuccessAt ? (
          <>
            Last worked {when(calendar.lastSuccessAt)}; its {busyText(calendar.busyCount)} from then still
            count.
          </>
        ) : (
          'It has never been read.'
        )}
      </span>
    );
  if (!calendar.lastSuccessAt) return <span className="meta-text">Not read yet</span>;
  return (
    <span className="meta-text">
      Last read {when(calendar.lastSuccessAt)} · {busyText(calendar.busyCount)}
    </span>
  );
}

export function CalendarRow({
  calendar,
  onRefreshed,
  onRemoved,
}: {
  calendar: BusyCalendar;
  onRefreshed: (fresh: BusyCalendar) => void;
  onRemoved: () => void;
}) {
  const { notify } = useToast();
  const refresh = useApiAction(() => coachApi.refreshCalendar(calendar.id), {
    onSuccess: (fresh) => {
      onRefreshed(fresh);
      notify(fresh.lastError ? `${fresh.label} could not be read` : `${fresh.label} read again`);
    },
  });
  const remove = useApiAction(() => coachApi.removeCalendar(calendar.id), {
    onSuccess: () => {
      notify(`${calendar.label} removed; its busy times no longer block slots`);
      onRemoved();
    },
  });
  return (
    <li className="row-list__row calendar-row">
      <div className="calendar-row__text">
        <span className="calendar-row__label">{calendar.label}</span>
        <span className="meta-text calendar-row__url">{calendar.urlPreview}</span>
        <CalendarStatus calendar={calendar} />
        {(refresh.error || remove.error) && <ErrorNotice>{refresh.error ?? remove.error}</ErrorNotice>}
      </div>
      <div className="calendar-row__actions">
        <button
          type="button"
          className="button button--small"
          disabled={refresh.busy}
          aria-label={`Refresh ${calendar.label} now`}
          onClick={() => void refresh.run()}
        >
          {refresh.busy ? 'Reading…' : 'Refresh now'}
        </button>
        <button
          type="button"
          className="button button--small button--danger-quiet"
          disabled={remove.busy}
          aria-label={`Remove ${calendar.label}`}
          onClick={() => void remove.run()}
        >
          Remove
        </button>
      </div>
    </li>
  );
}
