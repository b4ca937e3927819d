import { useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import type { Coach, Grant, GrantInput, GrantScope } from '../../../../src/core/team/grants.js';
import { FieldError } from '../../shared/components/FieldError.js';
import { Field } from '../../shared/forms/Field.js';
import { useApiForm } from '../../shared/forms/use-api-form.js';
import { useAreas, useToast } from '../../shared/state.js';
import { todayIn } from '../../shared/time-zone.js';
import { useSettings } from '../settings/queries.js';
import { sharingApi, sharingKeys } from './api.js';
import { GRANT_SCOPE_LABELS, GRANT_SCOPES, SCOPE_HINTS } from './scopes.js';

interface ShareValues {
  coachId: string;
  scopes: GrantScope[];
  /** Ticked areas limit the ideas scope; none ticked shares ideas of every area. */
  areaIds: string[];
  /** YYYY-MM-DD, or '' for "until I revoke it". */
  until: string;
}

/** What the form sends: the areas only with the ideas scope, no empty date. */
function grantInput(values: ShareValues): GrantInput {
  const areaIds = values.scopes.includes('ideas') ? values.areaIds : [];
  return {
    coachId: values.coachId,
    scopes: values.scopes,
    ...(areaIds.length > 0 ? { areaIds } : {}),
    ...(values.until ? { until: values.until } : {}),
  };
}

/**
 * "Share with a coach": who, which scopes (ideas optionally of some areas), until when. A coach
 * has one live grant at a time, so sharing again with `sharingWith` someone replaces it.
 */
export function ShareForm({ coaches, sharingWith }: { coaches: Coach[]; sharingWith: readonly string[] }) {
  const id = useId();
  const client = useQueryClient();
  const { notify } = useToast();
  const settings = useSettings();
  const { areas } = useAreas();
  const { form, onSubmit, problem, busy, errorOf } = useApiForm<ShareValues, Grant>({
    defaultValues: { coachId: coaches[0]?.id ?? '', scopes: [], areaIds: [], until: '' },
    submit: (values) => sharingApi.share(grantInput(values)),
    onSuccess: (grant) => {
      notify(`Shared with ${grant.coach.name}`);
      form.reset();
      void client.invalidateQueries({ queryKey: sharingKeys.grants });
    },
  });
  const ideasShared = (form.watch('scopes') ?? []).includes('ideas');
  const chosen = coaches.find((coach) => coach.id === form.watch('coachId'));
  const replaces = chosen !== undefined && sharingWith.includes(chosen.id);
  const scopesError = errorOf('scopes');
  const areasError = errorOf('areaIds');
  const shown = (areas ?? []).filter((area) => area.archivedAt === null);

  return (
    <form className="card share-form" aria-label="Share with a coach" noValidate onSubmit={onSubmit}>
      <Field
        id={`${id}-coach`}
        name="coachId"
        label="Coach"
        hint={replaces ? `You already share with ${chosen.name}; sharing again replaces that.` : undefined}
        error={errorOf('coachId')}
      >
        {(control) => (
          <select
            {...control}
            {...form.register('coachId', { required: 'is required' })}
            className="select share-form__coach"
          >
            {coaches.map((coach) => (
              <option key={coach.id} value={coach.id}>
                {coach.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset
        className="choice-list"
        aria-describedby={scopesError ? `${id}-scopes-error` : undefined}
        aria-invalid={scopesError ? true : undefined}
      >
        <legend className="field__label">What they may read</legend>
        {GRANT_SCOPES.map((scope) => (
          <label key={scope} className="choice-option">
            <input
              type="checkbox"
              value={scope}
              {...form.register('scopes', {
                validate: (scopes) => scopes.length > 0 || 'must name at least one thing to share',
              })}
            />
            <span>
              <span className="choice-option__name">{GRANT_SCOPE_LABELS[scope]}</span>
              <span className="hint choice-option__hint">{SCOPE_HINTS[scope]}</span>
            </span>
          </label>
        ))}
        <FieldError id={`${id}-scopes-error`} field="scopes" message={scopesError} />
      </fieldset>
      {ideasShared && shown.length > 0 && (
        <fieldset
          className="choice-list share-form__areas"
          aria-describedby={[`${id}-areas-hint`, areasError ? `${id}-areas-error` : ''].join(' ').trim()}
          aria-invalid={areasError ? true : undefined}
        >
          <legend className="field__label">Ideas of these areas only</legend>
          <p id={`${id}-areas-hint`} className="hint">
            Tick none to share the ideas of every area.
          </p>
          <div className="share-form__area-grid">
            {shown.map((area) => (
              <label key={area.id} className="checkbox-field share-form__area">
                <input type="checkbox" value={area.id} {...form.register('areaIds')} />
                {area.name}
              </label>
            ))}
          </div>
          <FieldError id={`${id}-areas-error`} field="areaIds" message={areasError} />
        </fieldset>
      )}
      <Field
        id={`${id}-until`}
        name="until"
        label="Until (optional)"
        hint="The last day they can look. Leave it empty to share until you revoke it."
        error={errorOf('until')}
      >
        {(control) => (
          <input
            {...control}
            {...form.register('until')}
            className="input share-form__until"
            type="date"
            min={todayIn(settings?.timeZone)}
          />
        )}
      </Field>
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
      <button type="submit" className="button button--primary share-form__submit" disabled={busy}>
        {busy ? 'Sharing…' : 'Share'}
      </button>
    </form>
  );
}
