import { useId, useRef } from 'react';
import type { ExperimentView } from '../../../../../src/core/experiments/view.js';
import { useApiAction } from '../../../shared/api/action.js';
import { ErrorNotice } from '../../../shared/components/PageStates.js';
import { useToast } from '../../../shared/state.js';
import { experimentsApi } from '../api.js';
import { useShowExperiment } from '../queries.js';

/** Abandons the experiment after a confirmation in a dialog. */
export function AbandonButton({ view }: { view: ExperimentView }) {
  const { notify } = useToast();
  const showExperiment = useShowExperiment();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const id = useId();
  const abandoning = useApiAction(() => experimentsApi.experimentStep(view.id, 'abandon'), {
    onSuccess: (next) => {
      dialogRef.current?.close();
      void showExperiment(next);
      notify('Experiment abandoned');
    },
  });

  return (
    <>
      <button
        type="button"
        className="button button--small button--quiet button--danger-quiet"
        onClick={() => dialogRef.current?.showModal()}
      >
        Abandon experiment
      </button>
      <dialog
        ref={dialogRef}
        className="dialog"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-text`}
      >
        <h2 id={`${id}-title`} className="dialog__title">
          Abandon this experiment?
        </h2>
        <p id={`${id}-text`} className="dialog__text">
          It stops for good and gets no report. Your ideas stay in your inbox. You can start a new experiment
          afterwards.
        </p>
        {abandoning.error && <ErrorNotice>{abandoning.error}</ErrorNotice>}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={() => dialogRef.current?.close()}>
            Keep going
          </button>
          <button
            type="button"
            className="button button--danger"
            onClick={() => void abandoning.run()}
            disabled={abandoning.busy}
          >
            Abandon for good
          </button>
        </div>
      </dialog>
    </>
  );
}
