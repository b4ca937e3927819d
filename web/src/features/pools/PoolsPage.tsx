import { useId } from 'react';
import { Link, useNavigate } from 'react-router';
import * as z from 'zod/mini';
import { POOL_NAME_MAX, PoolCreateInput } from '../../../../src/core/experiments/pool.js';
import { plural } from '../../../../src/core/plural.js';
import { ErrorNotice, LoadingCard } from '../../shared/components/PageStates.js';
import { fullTime, relativeTime } from '../../shared/format.js';
import { Field } from '../../shared/forms/Field.js';
import { useApiForm } from '../../shared/forms/use-api-form.js';
import { useToast } from '../../shared/state.js';
import { useExperimentTemplates } from '../experiments/queries.js';
import { poolsApi } from './api.js';
import { usePools, useShowPool } from './queries.js';

/** What the form checks before sending: the core's rule for the name; the template is a choice. */
const CreatePoolFields = z.object({ name: PoolCreateInput.shape.name, templateId: z.string() });

/** /pools: pools of result cards (one per template) and a form to create one. */
export function PoolsPage() {
  const { data: pools, error, reload } = usePools();
  const id = useId();

  return (
    <div className="page page--narrow">
      <header className="page-header">
        <h1 className="page-title">Pools</h1>
        <p className="page-lede">
          One person’s experiment is a hint; many are evidence. Collect the result cards of a group and see
          whether focused time beats passive noticing across people.
        </p>
      </header>

      <CreatePoolForm />

      {error && <ErrorNotice onRetry={() => void reload()}>{error}</ErrorNotice>}

      <section aria-labelledby={`${id}-list`} className="data-section">
        <h2 id={`${id}-list`} className="section-title">
          Your pools
        </h2>
        {pools === null ? (
          !error && <LoadingCard />
        ) : pools.length === 0 ? (
          <p className="meta-text">No pools yet. Create one above, then import the cards people send you.</p>
        ) : (
          <ul className="history-list" aria-label="Pools">
            {pools.map((pool) => (
              <li key={pool.id}>
                <Link to={`/pools/${pool.id}`} className="card history-row__link">
                  <span className="history-row__top">
                    <span className="history-row__title">{pool.name}</span>
                    <span className="tag">{plural(pool.participants, 'participant')}</span>
                    <span className="meta-text history-row__meta">
                      {pool.templateTitle} · created{' '}
                      <time dateTime={pool.createdAt} title={fullTime(pool.createdAt)}>
                        {relativeTime(pool.createdAt)}
                      </time>
                    </span>
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function CreatePoolForm() {
  const navigate = useNavigate();
  const { notify } = useToast();
  const showPool = useShowPool();
  const id = useId();
  // Only experiments that rate ideas produce result cards.
  const templates = useExperimentTemplates().data?.filter((t) => t.measures === 'ideas');
  const { form, onSubmit, problem, busy, errorOf } = useApiForm({
    defaultValues: { name: '', templateId: '' },
    schema: CreatePoolFields,
    submit: ({ name, templateId }) => {
      const chosen = templateId || templates?.[0]?.id;
      return poolsApi.createPool({ name, ...(chosen ? { templateId: chosen } : {}) });
    },
    onSuccess: (pool) => {
      showPool(pool);
      notify(`Pool “${pool.name}” created`);
      navigate(`/pools/${pool.id}`);
    },
  });
  const nameError = errorOf('name');

  // With one kind of result card there is nothing to choose; the form says which it is.
  const onlyTemplate = templates?.length === 1 ? templates[0] : undefined;

  return (
    <form className="card add-area" aria-label="Create a pool" onSubmit={onSubmit} noValidate>
      <div className="add-area__fields">
        <Field
          id={`${id}-name`}
          name="name"
          label="Pool name"
          className="field field--grow"
          error={nameError}
          hint={onlyTemplate ? <>For result cards of “{onlyTemplate.title}”.</> : undefined}
        >
          {(control) => (
            <input
              {...control}
              {...form.register('name')}
              className="input"
              maxLength={POOL_NAME_MAX}
              placeholder="e.g. Spring cohort 2025"
            />
          )}
        </Field>
        {templates && templates.length > 1 && (
          <div className="field">
            <label htmlFor={`${id}-template`} className="field__label">
              Experiment
            </label>
            <select id={`${id}-template`} className="select" {...form.register('templateId')}>
              {templates.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.title}
                </option>
              ))}
            </select>
          </div>
        )}
        <button type="submit" className="button button--primary add-area__submit" disabled={busy}>
          Create pool
        </button>
      </div>
      {problem && <ErrorNotice>{problem}</ErrorNotice>}
    </form>
  );
}
