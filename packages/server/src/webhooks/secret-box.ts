import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { err, ok, type Result } from 'neverthrow';

/**
 * Seals signing secrets at rest with AES-256-GCM under a key the operator gives (any string: its SHA-256 is the
 * key). Sealed text is `v1:<iv>:<tag>:<ciphertext>` in base64url; without a key, secrets are kept as
 * `plain:<secret>` (the database then holds them in the clear: docs/server.md says so).
 */
export class SecretBox {
  readonly #key: Buffer | undefined;

  constructor(key: string | undefined) {
    this.#key = key ? createHash('sha256').update(key).digest() : undefined;
  }

  get encrypts(): boolean {
    return this.#key !== undefined;
  }

  seal(secret: string): string {
    if (!this.#key) return `plain:${secret}`;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv);
    const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return ['v1', iv, cipher.getAuthTag(), sealed]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
      .join(':');
  }

  /** The secret back; an error (with no secret in it) when sealed under another key or not sealed at all. */
  open(sealed: string): Result<string, string> {
    if (sealed.startsWith('plain:')) return ok(sealed.slice('plain:'.length));
    const [version, iv, tag, data] = sealed.split(':');
    if (version !== 'v1' || !iv || !tag || !data) return err('the signing secret is not in a known form');
    if (!this.#key) return err('the signing secret is encrypted and the server has no webhook key');
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.#key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return ok(Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8'));
    } catch {
      return err('the signing secret does not open with this server webhook key');
    }
  }
}
