/** Whether a text holds a secret, whole or a long piece of it (a truncated copy leaks as well). */
export function holds(text: string, secret: string): boolean {
  return text.includes(secret) || text.includes(secret.slice(0, 16)) || text.includes(secret.slice(-16));
}

/** The names of the secrets (name → value) found in `text`, leaving out the `allowed` ones. */
export function leaksIn(
  secrets: ReadonlyMap<string, string>,
  text: string,
  allowed: readonly string[] = [],
): string[] {
  return [...secrets]
    .filter(([name, value]) => !allowed.includes(name) && holds(text, value))
    .map(([n]) => n);
}
