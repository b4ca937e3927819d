import { type KeyboardEvent, useEffect, useId } from 'react';
import { useWatch } from 'react-hook-form';
import type { Area } from '../../../../../src/core/areas.js';
import { findTaggedArea, isBareAreaTag, parseIdeaLine } from '../../../../../src/core/idea-line.js';
import type { Idea } from '../../../../../src/core/ideas.js';
import type { SessionView } from '../../../../../src/core/sessions/view.js';
import { AreaSelect } from '../../../shared/components/AreaSelect.js';
import { FieldError } from '../../../shared/components/FieldError.js';
import { controlProps } from '../../../shared/forms/Field.js';
import { useApiForm } from '../../../shared/forms/use-api-form.js';
import { registerCaptureFocus, useAreas, useToast } from '../../../shared/state.js';
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

/** What an `#area` tag in the text does: nothing (no tag), names an area, or names none usable. */
type Tagged =
  | { kind: 'none' }
  | { kind: 'area'; tag: string; area: Area }
  | { kind: 'refused'; message: string };

/** Reads the text's `#area` tag as `whet session` does (by id or name; archived areas refused). */
function readTag(text: string, areas: readonly Area[] | null): Tagged {
  if (isBareAreaTag(text))
    return { kind: 'refused', message: 'An area tag needs an idea with it, e.g. “#writing outline first”.' };
  const { area: tag } = parseIdeaLine(text);
  if (tag === undefined || areas === null) return { kind: 'none' };
  const area = findTaggedArea(areas, tag);
  if (!area)
    return { kind: 'refused', message: `No area called “${tag}”: fix the tag or pick the area below.` };
  if (area.archivedAt) return { kind: 'refused', message: `“${area.name}” is archived: pick another area.` };
  return { kind: 'area', tag, area };
}

/**
 * The capture box under the question: Enter saves, Shift+Enter breaks the line. The area starts
 * as the one the question suggests and can be changed with the select, or with an `#area` tag at
 * the start or end of the idea, as in the terminal.
 */
export function SessionCapture({
  view,
  onCaptured,
}: {
  view: SessionView;
  onCaptured: (idea: Idea) => void;
}) {
  const { notify } = useToast();
  const { areas, nameOf } = useAreas();
  const suggested = suggestedArea(view);
  const ids = useId();

  const { form, onSubmit, problem, busy, errorOf } = useApiForm<CaptureValues, Idea>({
    defaultValues: { text: '', areaId: suggested },
    submit: ({ text, areaId }) => {
      const tagged = readTag(text, areas);
      const idea = tagged.kind === 'area' ? parseIdeaLine(text).text : text.trim();
      return sessionsApi.captureInSession(view.id, {
        text: idea,
        areaId: tagged.kind === 'area' ? tagged.area.id : areaId,
      });
    },
    onSuccess: (idea) => {
      form.resetField('text');
      onCaptured(idea);
      notify(`Idea saved${idea.areaId ? ` to ${nameOf(idea.areaId)}` : ''}`);
      form.setFocus('text');
    },
  });
  const text = useWatch({ control: form.control, name: 'text' }) ?? '';
  const chosenArea = useWatch({ control: form.control, name: 'areaId' });
  const tagged = readTag(text, areas);
  const areaId = tagged.kind === 'area' ? tagged.area.id : chosenArea;
  const fromQuestion = tagged.kind !== 'area' && areaId !== null && areaId === suggested;
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

  /** Picking an area overrides a tag (known or not): it leaves the text, so what is shown is what is saved. */
  const pickArea = (value: string | null) => {
    const line = parseIdeaLine(text);
    if (line.area !== undefined)
      form.setValue('text', line.text, { shouldValidate: form.formState.isSubmitted });
    form.setValue('areaId', value, { shouldTouch: true });
  };

  return (
    <form className="focus__capture" aria-label="Capture an idea" onSubmit={onSubmit} noValidate>
      <label htmlFor={`${ids}-text`} className="visually-hidden">
        New idea
      </label>
      <textarea
        {...controlProps(`${ids}-text`, textError, true)}
        {...form.register('text', {
          validate: (value) => {
            if (value.trim() === '') return 'Write the idea first.';
            const tag = readTag(value, areas);
            return tag.kind === 'refused' ? tag.message : true;
          },
        })}
        className="textarea focus__textarea"
        rows={2}
        placeholder="An idea worth keeping… (#area at the start or end files it there)"
        onKeyDown={onKeyDown}
        enterKeyHint="send"
        // biome-ignore lint/a11y/noAutofocus: the capture box is the point of the focused view
        autoFocus
      />
      <FieldError id={`${ids}-text-error`} field="text" message={textError} />
      <div className="focus__capture-row">
        <label htmlFor={`${ids}-area`} className="focus__area-label">
          Area
        </label>
        <AreaSelect
          id={`${ids}-area`}
          className="select select--compact focus__area"
          value={areaId}
          onChange={pickArea}
          aria-invalid={areaError ? true : undefined}
          aria-describedby={`${ids}-area-why`}
        />
        <span id={`${ids}-area-why`} className="focus__area-why" aria-live="polite">
          {tagged.kind === 'area' ? `from #${tagged.tag}` : fromQuestion ? 'suggested by the question' : ''}
        </span>
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
