/**
 * Bump when any rule or constant in this folder changes the result for the same input: stored results
 * carry it, so a re-score under new rules is recognisable as such.
 *
 * 2: silence is never assurance (blank and upload-only questions score 0, blank knock-out questions
 * count as the knock-out), "we cannot say" shows the riskier follow-ups, visibility reads the use
 * context, an unclassified use counts as high-risk, conditional knock-outs, named approval conditions,
 * and what each N/A, unknown or blank hid.
 */
export const SCORING_ALGORITHM_VERSION = 'sightline-scoring/2';

/**
 * Self-attested is not evidenced. Where a question asks for evidence, a positive answer keeps this
 * share of its points: half with no file, most with a file nobody has checked yet, all once a
 * reviewer verified it. File questions are answered by their upload: nothing uploaded scores 0, an
 * unverified file 0.8, a verified one 1, so a file never raises risk.
 */
export const EVIDENCE_FACTORS = { none: 0.5, uploaded: 0.8, verified: 1 } as const;
