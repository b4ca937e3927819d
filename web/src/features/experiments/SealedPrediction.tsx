import type { PredictionSeal } from '../../../../src/core/experiments/experiment.js';

/**
 * The sealed prediction: its SHA-256, and the exact text it is the digest of, to read or download
 * (`sha256sum` of the file prints the same digest). Whoever is shown both can check the prediction
 * was not changed after the lock.
 */
export function SealedPrediction({ seal, experimentId }: { seal: PredictionSeal; experimentId: string }) {
  const download = () => {
    const url = URL.createObjectURL(new Blob([seal.text], { type: 'text/plain;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `preregistration-${experimentId}.txt`;
    link.click();
    URL.revokeObjectURL(url);
  };
  return (
    <details className="sealed">
      <summary className="meta-text">
        Sealed · SHA-256 <code className="sealed__digest">{seal.sha256.slice(0, 16)}…</code>
      </summary>
      <p className="meta-text">
        The text below was written when the prediction was locked; its SHA-256 is{' '}
        <code className="sealed__digest sealed__digest--full">{seal.sha256}</code>.
      </p>
      <pre className="sealed__text">{seal.text}</pre>
      <button type="button" className="button button--small" onClick={download}>
        Download the sealed text
      </button>
    </details>
  );
}
