/**
 * Bump when any rule or constant in this folder changes the result for the same input: stored results
 * carry it, so a re-score under new rules is recognisable as such.
 */
export const SCORING_ALGORITHM_VERSION = 'sightline-scoring/1';

/**
 * Self-attested is not evidenced. Where a question asks for evidence, a positive answer keeps this
 * share of its points: half with no file, most with a file nobody has checked yet, all once a
 * reviewer verified it. File questions are answered by their upload, so only the last two apply.
 */
export const EVIDENCE_FACTORS = { none: 0.5, uploaded: 0.8, verified: 1 } as const;
