/** Credential-shaped text whatever the provider: every redactor masks it. Group 1 is kept, the rest masked. */
const credentialShapedPatterns: readonly RegExp[] = [
  // Signatures in Authorization headers (ACS3 and SigV4).
  /(Signature=)[0-9a-fA-F]{16,}/g,
  // Named secret fields in query strings, JSON or messages.
  /((?:secret[_-]?access[_-]?key|access[_-]?key[_-]?secret|security[_-]?token|session[_-]?token|x-amz-security-token|x-acs-security-token|password)["']?\s*[:=]\s*["']?)[^\s"'&,;}]+/gi,
];

// Shorter values would turn ordinary words into noise; no real credential part is this short.
const minimumSecretLength = 8;

/** What one redactor knows: literal credential values, credential-shaped patterns, credentials known later. */
export interface SecretRedactorParts {
  /** Literal values (key id, secret, session or security token); empty and short (< 8) values are ignored. */
  readonly secrets?: Iterable<string | undefined>;
  /** Credential-shaped patterns, such as a provider's access key ids: global flag, group 1 kept. */
  readonly patterns?: readonly RegExp[];
  /**
   * Credentials only known later (a provider function, a credential chain): resolved once, the first time
   * `learnSecrets` is awaited. A failure to resolve teaches nothing (the call itself reports that failure).
   */
  readonly resolveSecrets?: () => Promise<Iterable<string | undefined>>;
}

/**
 * Masks the credentials of one provider instance or connection (and credential-shaped text) in whatever an
 * error shows. One redactor per client or connection, handed to where its errors are made: there is no
 * process-wide list, so two providers never see, or mask, each other's secrets.
 */
export class SecretRedactor {
  readonly #secrets = new Set<string>();
  readonly #patterns: RegExp[] = [...credentialShapedPatterns];
  readonly #members: SecretRedactor[] = [];
  readonly #resolveSecrets: (() => Promise<Iterable<string | undefined>>) | undefined;
  #learned: Promise<void> | undefined;

  constructor(parts: SecretRedactorParts = {}) {
    this.#learn(parts.secrets ?? []);
    for (const pattern of parts.patterns ?? []) this.#addPattern(pattern);
    this.#resolveSecrets = parts.resolveSecrets;
  }

  /** A redactor that masks what this one and each of `others` mask, now and as they learn more. */
  compose(...others: readonly SecretRedactor[]): SecretRedactor {
    const composed = new SecretRedactor();
    composed.#members.push(this, ...others);
    return composed;
  }

  /** `text` with every known secret (raw or URL-encoded) and every credential-shaped substring masked. */
  redact(text: string): string {
    const secrets = [...this.#allSecrets()].sort((a, b) => b.length - a.length);
    let result = text;
    for (const secret of secrets) {
      if (result.includes(secret)) result = result.split(secret).join('***');
    }
    for (const pattern of this.#allPatterns()) result = result.replace(pattern, '$1***');
    return result;
  }

  /** A copy of plain data (strings, arrays, plain objects) with every string redacted. */
  redactData(value: unknown): unknown {
    if (typeof value === 'string') return this.redact(value);
    if (Array.isArray(value)) return value.map((item) => this.redactData(item));
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, this.redactData(item)]));
    }
    return value;
  }

  /** Resolves the credentials known only later, once (this redactor's and its members'); never rejects. */
  learnSecrets(): Promise<void> {
    this.#learned ??= (async () => {
      const resolved = await this.#resolveSecrets?.().catch(() => undefined);
      if (resolved) this.#learn(resolved);
    })();
    return Promise.all([this.#learned, ...this.#members.map((member) => member.learnSecrets())]).then(() => undefined);
  }

  /**
   * `promise` unchanged, except that its rejection waits until `learnSecrets` is done: the error made of
   * that rejection then masks credentials resolved by the very call that failed.
   */
  rejectAfterLearning<T>(promise: Promise<T>): Promise<T> {
    // No extra step on success: only a failure waits.
    return promise.catch((error: unknown) =>
      this.learnSecrets().then(() => {
        throw error;
      }),
    );
  }

  #learn(values: Iterable<string | undefined>): void {
    for (const value of values) {
      if (!value || value.length < minimumSecretLength) continue;
      this.#secrets.add(value);
      // A server quoting a query string or a form body quotes the value URL-encoded.
      const encoded = encodeURIComponent(value);
      if (encoded !== value) this.#secrets.add(encoded);
    }
  }

  #addPattern(pattern: RegExp): void {
    const global = pattern.global ? pattern : new RegExp(pattern.source, `${pattern.flags}g`);
    if (!this.#patterns.some((known) => known.source === global.source && known.flags === global.flags)) {
      this.#patterns.push(global);
    }
  }

  #allSecrets(): Set<string> {
    const all = new Set(this.#secrets);
    for (const member of this.#members) for (const secret of member.#allSecrets()) all.add(secret);
    return all;
  }

  #allPatterns(): RegExp[] {
    const all = [...this.#patterns];
    for (const member of this.#members) {
      for (const pattern of member.#allPatterns()) {
        if (!all.some((known) => known.source === pattern.source && known.flags === pattern.flags)) all.push(pattern);
      }
    }
    return all;
  }
}

/** The redactor of errors made without one: credential-shaped text only, no literal secrets. */
export const defaultSecretRedactor: SecretRedactor = new SecretRedactor();
