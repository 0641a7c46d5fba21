const registeredSecrets = new Set<string>();

/**
 * Registers a credential value (a secret key, a session token) so that `redactSecrets` masks it wherever it
 * appears. Adapters register the credentials they are built with; values shorter than 8 characters are
 * ignored so that masking never turns ordinary words into noise.
 */
export function registerSecret(value: string | undefined): void {
  if (value && value.length >= 8) registeredSecrets.add(value);
}

const secretPatterns: RegExp[] = [
  // Signatures in Authorization headers (ACS3 and SigV4).
  /(Signature=)[0-9a-fA-F]{16,}/g,
  // Named secret fields in query strings, JSON or messages.
  /((?:secret[_-]?access[_-]?key|access[_-]?key[_-]?secret|security[_-]?token|session[_-]?token|x-amz-security-token|x-acs-security-token|password)["']?\s*[:=]\s*["']?)[^\s"'&,;}]+/gi,
];

/**
 * Adds a provider's credential-shaped pattern (global; group 1 is kept, the rest masked), as each adapter
 * does for its access key ids. The same pattern twice is kept once.
 */
export function registerSecretPattern(pattern: RegExp): void {
  if (!secretPatterns.some((known) => known.source === pattern.source && known.flags === pattern.flags)) {
    secretPatterns.push(pattern);
  }
}

/** Masks every registered secret and every credential-shaped substring of `text`. */
export function redactSecrets(text: string): string {
  let result = text;
  for (const secret of registeredSecrets) {
    if (result.includes(secret)) result = result.split(secret).join('***');
  }
  for (const pattern of secretPatterns) result = result.replace(pattern, '$1***');
  return result;
}
