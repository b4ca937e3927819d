import { useQueryClient } from '@tanstack/react-query';
import { type FocusEvent, type KeyboardEvent, type ReactNode, useEffect, useRef } from 'react';
import type { Idea } from '../../../../src/core/ideas.js';
import { FieldError } from '../../shared/components/FieldError.js';
import { controlProps } from '../../shared/forms/Field.js';
import { useApiForm } from '../../shared/forms/use-api-form.js';
import { useToast } from '../../shared/state.js';
import { ideasApi } from './api.js';
import { ideaKeys, storeIdea } from './queries.js';

type EditableField = 'text' | 'context';
type EditValues = Partial<Record<EditableField, string>>;

/**
 * An idea's text or context, edited where it is shown: Enter or leaving the field saves,
 * Escape puts the saved value back. Text may not be empty; empty context is saved as none.
 */
export function InlineEdit({
  idea,
  field,
  id,
  className,
  placeholder,
  children,
}: {
  idea: Idea;
  field: EditableField;
  id: string;
  className: string;
  placeholder?: string;
  /** The label, hint and error around the textarea, given its props. */
  children: (parts: { textarea: ReactNode; error: ReactNode }) => ReactNode;
}) {
  const client = useQueryClient();
  const { notify } = useToast();
  const saved = idea[field] ?? '';
  const { form, onSubmit, problem, errorOf } = useApiForm<EditValues, Idea>({
    defaultValues: { [field]: saved },
    submit: (values) => {
      const value = values[field] ?? '';
      const patch = field === 'text' ? { text: value } : { context: value.trim() ? value : null };
      return ideasApi.updateIdea(idea.id, patch).catch((error: unknown) => {
        // A refusal may mean the idea changed elsewhere: show it as it is now.
        void client.invalidateQueries({ queryKey: ideaKeys.detail(idea.id) });
        throw error;
      });
    },
    onSuccess: (updated) => {
      storeIdea(client, updated);
      form.reset({ [field]: updated[field] ?? '' });
      notify('Saved');
    },
  });

  // What is saved changed elsewhere (a refresh): follow it, unless an edit is under way.
  useEffect(() => {
    if (!form.getFieldState(field).isDirty) form.reset({ [field]: saved });
  }, [form, field, saved]);

  // Escape reverts and leaves the field; the blur that follows must not save the dropped edit.
  const discarding = useRef(false);
  const registered = form.register(field);

  const onBlur = async (event: FocusEvent<HTMLTextAreaElement>) => {
    await registered.onBlur(event);
    if (discarding.current) {
      discarding.current = false;
      return;
    }
    const value = form.getValues(field) ?? '';
    if (value === saved) return;
    // Checked here rather than as a rule, so the refusal does not pull the focus back.
    if (field === 'text' && !value.trim()) form.setError(field, { message: 'must not be empty' });
    else await onSubmit();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      event.currentTarget.blur();
    } else if (event.key === 'Escape') {
      discarding.current = true;
      form.reset();
      event.currentTarget.blur();
    }
  };

  const message = errorOf(field) ?? problem ?? undefined;
  return children({
    textarea: (
      <textarea
        {...controlProps(id, message, field === 'text')}
        {...registered}
        className={className}
        rows={2}
        placeholder={placeholder}
        onBlur={onBlur}
        onKeyDown={onKeyDown}
      />
    ),
    error: <FieldError id={`${id}-error`} field={field} message={message} />,
  });
}
