import { useId, useMemo } from 'react';
import { useWatch } from 'react-hook-form';
import type { CoachProfile, CoachProfileInput } from '../../../../src/core/coaching/coach-profile.js';
import { Field } from '../../shared/forms/Field.js';
import { useApiForm } from '../../shared/forms/use-api-form.js';
import { useSession } from '../../shared/session.js';
import { useToast } from '../../shared/state.js';
import { browserTimeZone } from '../../shared/time-zone.js';
import { allTimeZones } from '../settings/time-zones.js';
import { coachApi } from './api.js';
import { publicAddress } from './public-address.js';
import { SaveButton } from './SaveButton.js';

/** Handle, name, introduction and zone; the first save creates the coach's page. */
export function ProfileSection({
  profile,
  onSaved,
}: {
  profile: CoachProfile | null;
  onSaved: (saved: CoachProfile) => void;
}) {
  const id = useId();
  const { me } = useSession();
  const { notify } = useToast();
  const zones = useMemo(allTimeZones, []);
  const { form, onSubmit, problem, busy, errorOf } = useApiForm<CoachProfileInput, CoachProfile>({
    defaultValues: {
      handle: profile?.handle ?? '',
      // A new page starts from the account's name and this browser's zone.
      displayName: profile?.displayName ?? me?.user.name ?? '',
      introduction: profile?.introduction ?? '',
      timeZone: profile?.timeZone ?? browserTimeZone(),
    },
    submit: (values) => coachApi.saveProfile(values),
    onSuccess: (saved) => {
      form.reset(saved);
      notify(profile ? 'Profile saved' : `Your booking page is at ${publicAddress(saved.handle)}`);
      onSaved(saved);
    },
  });
  const handle = useWatch({ control: form.control, name: 'handle' }).trim().toLowerCase();
  const dirty = form.formState.isDirty;

  return (
    <form className="card coach-form" aria-label="Profile" noValidate onSubmit={onSubmit}>
      <Field
        id={`${id}-handle`}
        name="handle"
        label="Handle"
        hint={
          <>
            Your public address:{' '}
            <span className="coach-address">{publicAddress(handle || 'your-handle')}</span>
          </>
        }
        error={errorOf('handle')}
      >
        {(control) => (
          <input
            {...control}
            {...form.register('handle', { required: 'is required' })}
            className="input coach-form__short"
            autoCapitalize="none"
            spellCheck={false}
            placeholder="e.g. cora"
          />
        )}
      </Field>
      <Field id={`${id}-name`} name="displayName" label="Display name" error={errorOf('displayName')}>
        {(control) => (
          <input
            {...control}
            {...form.register('displayName', { required: 'is required' })}
            className="input coach-form__medium"
            autoComplete="name"
          />
        )}
      </Field>
      <Field
        id={`${id}-intro`}
        name="introduction"
        label="Introduction"
        hint="A few words on how you help. Researchers read it before they book; blank lines start paragraphs."
        error={errorOf('introduction')}
      >
        {(control) => (
          <textarea {...control} {...form.register('introduction')} className="textarea" rows={4} />
        )}
      </Field>
      <Field
        id={`${id}-zone`}
        name="timeZone"
        label="Time zone"
        hint="Your weekly hours and your bookings are in this zone."
        error={errorOf('timeZone')}
      >
        {(control) => (
          <>
            <input
              {...control}
              {...form.register('timeZone', { required: 'is required' })}
              className="input coach-form__medium"
              list={`${id}-zones`}
              autoComplete="off"
              spellCheck={false}
            />
            <datalist id={`${id}-zones`}>
              {zones.map((zone) => (
                <option key={zone} value={zone} />
              ))}
            </datalist>
          </>
        )}
      </Field>
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
      <SaveButton busy={busy} dirty={dirty} label={profile ? 'Save profile' : 'Create booking page'} />
    </form>
  );
}
