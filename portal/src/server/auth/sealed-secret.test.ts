import { describe, expect, it } from 'vitest';
import { isSealed, secretBox, ssoSecretBox } from './sealed-secret';

describe('sealed secrets', () => {
  const box = ssoSecretBox('an-auth-secret-of-at-least-32-characters');

  it('opens what it sealed, and never holds the secret in clear', () => {
    const sealed = box.seal('client-secret-value', 'okta');
    expect(isSealed(sealed)).toBe(true);
    expect(sealed).not.toContain('client-secret-value');
    expect(box.open(sealed, 'okta')).toBe('client-secret-value');
    expect(box.seal('same', 'okta')).not.toBe(box.seal('same', 'okta'));
  });

  it('refuses a value moved to another provider, altered, or sealed under another secret', () => {
    const sealed = box.seal('client-secret-value', 'okta');
    expect(() => box.open(sealed, 'entra')).toThrow();
    const flipped = `${sealed.slice(0, -2)}${sealed.endsWith('A') ? 'B' : 'A'}${sealed.slice(-1)}`;
    expect(() => box.open(flipped, 'okta')).toThrow();
    expect(() => ssoSecretBox('another-auth-secret-of-32-characters!!').open(sealed, 'okta')).toThrow();
    expect(() =>
      secretBox('an-auth-secret-of-at-least-32-characters', 'other-purpose').open(sealed, 'okta'),
    ).toThrow();
  });
});
