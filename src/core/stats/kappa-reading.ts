/**
 * A plain-language reading of a kappa, after the bands of Landis & Koch (1977), "The measurement
 * of observer agreement for categorical data", Biometrics 33(1):159–174, p. 165. The bands are a
 * convention, not a test: the report prints the number beside the word.
 */
export type AgreementBand = 'poor' | 'slight' | 'fair' | 'moderate' | 'substantial' | 'almost perfect';

export function agreementBand(kappa: number): AgreementBand {
  if (kappa < 0) return 'poor';
  if (kappa <= 0.2) return 'slight';
  if (kappa <= 0.4) return 'fair';
  if (kappa <= 0.6) return 'moderate';
  if (kappa <= 0.8) return 'substantial';
  return 'almost perfect';
}
