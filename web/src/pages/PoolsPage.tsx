import { type FormEvent, useEffect, useId, useState } from 'react';
import { ApiError, api, type ExperimentTemplate, errorMessage } from '../api.js';
import { FieldError } from '../components/FieldError.js';
import { ErrorNotice, LoadingCard } from '../components/PageStates.js';
import { fullTime, plural, relativeTime } from '../format.js';
import { useLoaded } from '../loading.js';
import { Link, useRouter } from '../router.js';
import { useToast } from '../state.js';

const loadPools = async (signal: AbortSignal) => (await api.listPools(signal)).pools;

/** /pools: pools of result cards (one per template) and a form to create one. */
export function PoolsPage() {
  const { data: pools, error, reload } = useLoaded(loadPools);
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
  const { navigate } = useRouter();
  const { notify } = useToast();
  const [name, setName] = useState('');
  const [templates, setTemplates] = useState<ExperimentTemplate[] | null>(null);
  const [templateId, setTemplateId] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();

  useEffect(() => {
    const controller = new AbortController();
    api
      .experimentTemplates(controller.signal)
      .then(({ templates: all }) => {
        // Only experiments that rate ideas produce result cards.
        const rated = all.filter((t) => t.measures === 'ideas');
        setTemplates(rated);
        setTemplateId((current) => current || rated[0]?.id || '');
      })
      .catch(() => setTemplates([]));
    return () => controller.abort();
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setErrors({ name: 'Give the pool a name, e.g. the group or the month.' });
      return;
    }
    setBusy(true);
    setErrors({});
    setProblem(null);
    try {
      const pool = await api.createPool({ name: name.trim(), ...(templateId ? { templateId } : {}) });
      notify(`Pool “${pool.name}” created`);
      navigate(`/pools/${pool.id}`);
    } catch (error) {
      setErrors(error instanceof ApiError ? { ...error.fields } : {});
      setProblem(errorMessage(error));
      setBusy(false);
    }
  };

  // With one kind of result card there is nothing to choose; the form says which it is.
  const onlyTemplate = templates?.length === 1 ? templates[0] : undefined;

  return (
    <form className="card add-area" aria-label="Create a pool" onSubmit={submit} noValidate>
      <div className="add-area__fields">
        <div className="field field--grow">
          <label htmlFor={`${id}-name`} className="field__label">
            Pool name
          </label>
          <input
            id={`${id}-name`}
            className="input"
            value={name}
            onChange={(e) => setName(e.target.value)}
            maxLength={120}
            placeholder="e.g. Spring cohort 2025"
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={
              [errors.name ? `${id}-name-error` : null, onlyTemplate ? `${id}-name-hint` : null]
                .filter(Boolean)
                .join(' ') || undefined
            }
          />
          {onlyTemplate && (
            <p id={`${id}-name-hint`} className="hint">
              For result cards of “{onlyTemplate.title}”.
            </p>
          )}
          <FieldError id={`${id}-name-error`} field="name" message={errors.name} />
        </div>
        {templates && templates.length > 1 && (
          <div className="field">
            <label htmlFor={`${id}-template`} className="field__label">
              Experiment
            </label>
            <select
              id={`${id}-template`}
              className="select"
              value={templateId}
              onChange={(e) => setTemplateId(e.target.value)}
            >
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
      {problem && !errors.name && <ErrorNotice>{problem}</ErrorNotice>}
    </form>
  );
}
