import { useId } from 'react';
import { useWatch } from 'react-hook-form';
import type { Interruption } from '../../../../src/core/plans/interruptions.js';
import { INTERRUPTION_REASON_MAX } from '../../../../src/core/plans/vocabulary.js';
import { useApiAction } from '../../shared/api/action.js';
import { ErrorNotice } from '../../shared/components/PageStates.js';
import { useApiForm } from '../../shared/forms/use-api-form.js';
import { clockTime } from '../plans/dates.js';

/** A reason for the interruption just logged (or with a new one): one of the recent ones, or typed. */
export function ReasonForm({
  reasons,
  askFor,
  timeZone,
  saveReason,
}: {
  reasons: readonly string[];
  /** The interruption still waiting for its reason, if any. */
  askFor: Interruption | undefined;
  timeZone: string | undefined;
  saveReason: (text: string) => Promise<void>;
}) {
  const id = useId();
  const { form, onSubmit, problem } = useApiForm({
    defaultValues: { reason: '' },
    submit: ({ reason }) => saveReason(reason),
    onSuccess: () => form.reset(),
  });
  const pick = useApiAction(saveReason);
  const typed = useWatch({ control: form.control, name: 'reason' });
  const failure = problem ?? pick.error;

  return (
    <form className="reason-form" aria-label="Reason" onSubmit={onSubmit}>
      <p className="reason-form__ask" id={`${id}-ask`}>
        {askFor
          ? `Logged at ${clockTime(askFor.at, timeZone)}. What was it? (optional)`
          : 'Log it with a reason: pick one or type it.'}
      </p>
      {reasons.length > 0 && (
        <ul className="reason-chips" aria-label="Recent reasons">
          {reasons.map((r) => (
            <li key={r}>
              <button type="button" className="example-chip" onClick={() => void pick.run(r)}>
                {r}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="reason-form__row">
        <label htmlFor={`${id}-reason`} className="visually-hidden">
          Reason
        </label>
        <input
          id={`${id}-reason`}
          className="input"
          maxLength={INTERRUPTION_REASON_MAX}
          placeholder="e.g. Slack, a colleague, email"
          aria-describedby={`${id}-ask`}
          {...form.register('reason')}
        />
        <button type="submit" className="button" disabled={!typed.trim()}>
          {askFor ? 'Save reason' : 'Log with reason'}
        </button>
      </div>
      {failure && <ErrorNotice>{failure}</ErrorNotice>}
    </form>
  );
}
