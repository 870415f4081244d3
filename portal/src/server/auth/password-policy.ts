import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';

/**
 * What a new staff password must pass besides its length (12–128, checked by the schema): it must not
 * be, or be close to, one of the ~49,000 most common passwords from breach corpora (the list shipped in
 * @zxcvbn-ts/language-common, checked offline), must not be guessable from a pattern (repeats such as
 * "aaaaaaaaaaaa", sequences, keyboard rows, dates), and must not contain the person's email address or
 * its name part. zxcvbn estimates how many guesses a password takes; below 10^8 ("score" 3) it is
 * refused, with the reason in words.
 */
const MIN_SCORE = 3;
/** A shorter email name part ("al") is too likely to occur by chance in a good passphrase. */
const MIN_LOCAL_PART = 3;

let factory: ZxcvbnFactory | null = null;
function zxcvbn(): ZxcvbnFactory {
  // Decompressing the dictionaries takes a moment: do it on first use, not at every start.
  factory ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  return factory;
}

const reasons: Record<string, string> = {
  topTen: 'it is one of the ten most used passwords',
  topHundred: 'it is one of the hundred most used passwords',
  common: 'it is on the list of the most common passwords, which attackers try first',
  similarToCommon: 'it is a small change to one of the most common passwords, which attackers try first',
  pwned: 'it has appeared in data breaches',
  simpleRepeat: 'it repeats the same character (like "aaaa")',
  extendedRepeat: 'it repeats the same group of characters (like "abcabc")',
  sequences: 'it is a sequence (like "abcd" or "6789")',
  straightRow: 'it is a row of keys on the keyboard',
  keyPattern: 'it is a pattern on the keyboard',
  recentYears: 'it is built around a recent year',
  dates: 'it is built around a date',
  wordByItself: 'it is a single common word',
  namesByThemselves: 'it is made of common names',
  commonNames: 'it is made of common names',
  userInputs: 'it is built from your email address',
};

/** Why `password` may not be used by the person with `email`, in words; null when it is fine. */
export function passwordProblem(password: string, email: string): string | null {
  const lower = password.toLowerCase();
  const address = email.trim().toLowerCase();
  const localPart = address.split('@')[0] ?? '';
  if (lower.includes(address)) return 'Choose a password that does not contain your email address.';
  if (localPart.length >= MIN_LOCAL_PART && lower.includes(localPart))
    return `Choose a password that does not contain the name in your email address ("${localPart}").`;
  const result = zxcvbn().check(password, [address, localPart]);
  if (result.score >= MIN_SCORE) return null;
  const why =
    (result.feedback.warning && reasons[result.feedback.warning]) ||
    'it follows a pattern that is quick to guess';
  return `This password is too easy to guess: ${why}. A few unrelated words make a strong one.`;
}
