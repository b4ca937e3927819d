import { type KeyboardEvent, useEffect, useId } from 'react';
import { useWatch } from 'react-hook-form';
import type { Idea } from '../../../../../src/core/ideas.js';
import type { SessionView } from '../../../../../src/core/sessions/view.js';
import { AreaSelect } from '../../../shared/components/AreaSelect.js';
import { FieldError } from '../../../shared/components/FieldError.js';
import { controlProps } from '../../../shared/forms/Field.js';
import { useApiForm } from '../../../shared/forms/use-api-form.js';
import { registerCaptureFocus, useToast } from '../../../shared/state.js';
import { sessionsApi } from '../api.js';

interface CaptureValues {
  text: string;
  areaId: string | null;
}

/** The area a new idea most likely belongs to: the question's, preferring the session's focus. */
function suggestedArea(view: SessionView): string | null {
  const question = view.current;
  return question?.areas.find((a) => view.areas.includes(a)) ?? question?.areas[0] ?? view.areas[0] ?? null;
}

/** The capture box under the question: Enter saves, Shift+Enter breaks the line. */
export function SessionCapture({
  view,
  onCaptured,
}: {
  view: SessionView;
  onCaptured: (idea: Idea) => void;
}) {
  const { notify } = useToast();
  const suggested = suggestedArea(view);
  const ids = useId();

  const { form, onSubmit, problem, busy, errorOf } = useApiForm<CaptureValues, Idea>({
    defaultValues: { text: '', areaId: suggested },
    submit: ({ text, areaId }) => sessionsApi.captureInSession(view.id, { text: text.trim(), areaId }),
    onSuccess: (idea) => {
      form.resetField('text');
      onCaptured(idea);
      notify('Idea saved');
      form.setFocus('text');
    },
  });
  const areaId = useWatch({ control: form.control, name: 'areaId' });
  // A refusal that names no field is about the idea, so it shows under the text.
  const textError = errorOf('text') ?? problem ?? undefined;
  const areaError = errorOf('areaId');

  // "/" and "n" (outside fields) focus this box while the session is on screen.
  useEffect(() => registerCaptureFocus(() => form.setFocus('text')), [form]);

  // Follow the question's area until the person picks one themselves.
  useEffect(() => {
    if (!form.getFieldState('areaId').isTouched) form.setValue('areaId', suggested);
  }, [suggested, form]);

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.altKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      if (!busy) void onSubmit();
    }
  };

  return (
    <form className="focus__capture" aria-label="Capture an idea" onSubmit={onSubmit} noValidate>
      <label htmlFor={`${ids}-text`} className="visually-hidden">
        New idea
      </label>
      <textarea
        {...controlProps(`${ids}-text`, textError, true)}
        {...form.register('text', { validate: (text) => text.trim() !== '' || 'Write the idea first.' })}
        className="textarea focus__textarea"
        rows={2}
        placeholder="An idea worth keeping…"
        onKeyDown={onKeyDown}
        enterKeyHint="send"
        // biome-ignore lint/a11y/noAutofocus: the capture box is the point of the focused view
        autoFocus
      />
      <FieldError id={`${ids}-text-error`} field="text" message={textError} />
      <div className="focus__capture-row">
        <label htmlFor={`${ids}-area`} className="visually-hidden">
          Area
        </label>
        <AreaSelect
          id={`${ids}-area`}
          className="select select--compact focus__area"
          value={areaId}
          onChange={(value) => form.setValue('areaId', value, { shouldTouch: true })}
          aria-invalid={areaError ? true : undefined}
        />
        <p id={`${ids}-text-hint`} className="hint focus__hint">
          <kbd>Enter</kbd> saves · <kbd>Shift</kbd>+<kbd>Enter</kbd> new line
        </p>
        <button type="submit" className="button button--small button--primary" disabled={busy}>
          Save idea
        </button>
      </div>
      <FieldError id={`${ids}-area-error`} field="areaId" message={areaError} />
    </form>
  );
}
