import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-policy';

const email = 'rita.reviewer@example.test';

describe('the new-password rule', () => {
  it.each([
    ['aaaaaaaaaaaa', /repeats the same character/],
    ['abcabcabcabc', /repeats the same group/],
    ['abcdefghijklm', /sequence/],
    ['1qaz2wsx3edc', /most common passwords/],
    ['password1234', /common passwords/],
    ['qwertyuiopasdf', /easy to guess/],
  ])('refuses %s and says why', (password, why) => {
    expect(passwordProblem(password, email)).toMatch(why);
  });

  it('refuses the email address and its name part, in any case', () => {
    expect(passwordProblem('Rita.Reviewer@Example.test', email)).toMatch(/email address/);
    expect(passwordProblem('I am RITA.REVIEWER on weekdays', email)).toMatch(/"rita.reviewer"/);
  });

  it('accepts long passphrases and random passwords', () => {
    expect(passwordProblem('correct horse battery staple', email)).toBeNull();
    expect(passwordProblem('xK9#mQ2$vL7pWq', email)).toBeNull();
    expect(passwordProblem('procurement pass phrase 1', email)).toBeNull();
  });
});
