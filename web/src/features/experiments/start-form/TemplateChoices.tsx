import type { UseFormRegisterReturn } from 'react-hook-form';
import type { ExperimentTemplate } from '../../../../../src/core/experiments/templates.js';

/** The templates as radios, each described by its question. */
export function TemplateChoices({
  id,
  templates,
  field,
}: {
  id: string;
  templates: readonly ExperimentTemplate[];
  field: UseFormRegisterReturn;
}) {
  return (
    <fieldset className="start-card__field start-card__section">
      <legend>Template</legend>
      <div className="template-choices">
        {templates.map((t) => (
          <label key={t.id} className="template-choice">
            <input type="radio" value={t.id} {...field} aria-describedby={`${id}-q-${t.id}`} />
            <span className="template-choice__body">
              <span className="template-choice__title">{t.title}</span>
              <span id={`${id}-q-${t.id}`} className="template-choice__question">
                {t.question}
              </span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
