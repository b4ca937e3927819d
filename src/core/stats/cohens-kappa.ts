import { requireConfidence } from './inputs.js';
import { normalQuantile } from './normal.js';

/**
 * Cohen's kappa for two coders who put the same items into unordered categories (Cohen 1960),
 * with the large-sample standard error of Fleiss, Cohen & Everitt (1969), "Large sample standard
 * errors of kappa and weighted kappa", Psychological Bulletin 72(5):323–327 — the one SAS's
 * PROC FREQ reports as ASE — and the Wald interval κ ± z·SE, clipped to [−1, 1].
 *
 * With p_ij the share of items coder A put in i and coder B in j, p_i· and p_·j the marginals,
 * p_o = Σ p_ii and p_e = Σ p_i·p_·i:
 *
 *   κ = (p_o − p_e) / (1 − p_e)
 *   Var κ = [Σ_i p_ii (1 − (p_i· + p_·i)(1 − κ))² + (1 − κ)² Σ_{i≠j} p_ij (p_·i + p_j·)²
 *            − (κ − p_e (1 − κ))²] / (n (1 − p_e)²)
 */
export type CohensKappa =
  | {
      kappa: number;
      standardError: number;
      low: number;
      high: number;
      confidence: number;
      n: number;
      /** Share of items both coders put in the same category. */
      observed: number;
      /** The share they would agree on by chance, given how often each used each category. */
      expected: number;
    }
  | {
      kappa: null;
      n: number;
      /** too-few-pairs: under 2 items coded by both; no-expected-disagreement: both used one category throughout. */
      reason: 'too-few-pairs' | 'no-expected-disagreement';
    };

/** Pairs of codes (coder A's, coder B's) of the same items; any strings name the categories. */
export function cohensKappa(pairs: readonly (readonly [string, string])[], confidence = 0.95): CohensKappa {
  requireConfidence(confidence);
  const n = pairs.length;
  if (n < 2) return { kappa: null, n, reason: 'too-few-pairs' };

  const cell = new Map<string, number>();
  const rows = new Map<string, number>();
  const columns = new Map<string, number>();
  const add = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1 / n);
  for (const [a, b] of pairs) {
    add(cell, JSON.stringify([a, b]));
    add(rows, a);
    add(columns, b);
  }
  const row = (c: string) => rows.get(c) ?? 0;
  const column = (c: string) => columns.get(c) ?? 0;
  const categories = [...new Set([...rows.keys(), ...columns.keys()])];

  const observed = categories.reduce((sum, c) => sum + (cell.get(JSON.stringify([c, c])) ?? 0), 0);
  const expected = categories.reduce((sum, c) => sum + row(c) * column(c), 0);
  if (1 - expected < 1e-12) return { kappa: null, n, reason: 'no-expected-disagreement' };
  const kappa = (observed - expected) / (1 - expected);

  let agree = 0;
  let disagree = 0;
  for (const [key, share] of cell) {
    const [i, j] = JSON.parse(key) as [string, string];
    if (i === j) agree += share * (1 - (row(i) + column(i)) * (1 - kappa)) ** 2;
    else disagree += share * (column(i) + row(j)) ** 2;
  }
  const variance =
    (agree + (1 - kappa) ** 2 * disagree - (kappa - expected * (1 - kappa)) ** 2) / (n * (1 - expected) ** 2);
  // Rounding can leave a hair below zero when every item agrees.
  const standardError = Math.sqrt(Math.max(0, variance));
  const z = normalQuantile(1 - (1 - confidence) / 2);
  return {
    kappa,
    standardError,
    low: Math.max(-1, kappa - z * standardError),
    high: Math.min(1, kappa + z * standardError),
    confidence,
    n,
    observed,
    expected,
  };
}
