import { PostgresHostStore, parseScope } from '@changeplane/server';
import { ExitCode } from '../../exit-codes.js';
import { hostDatabase } from './host-store-url.js';

/** Where the token commands find the host's store. */
export interface TokenStoreOptions {
  readonly store?: string;
  readonly stateDir: string;
}

export interface TokenCreateOptions extends TokenStoreOptions {
  readonly tenant: string;
  readonly name: string;
  readonly scope?: readonly string[];
  readonly approver?: boolean;
  readonly admin?: boolean;
  readonly requireApproval?: boolean;
}

/** Opens the host's store, runs `use` on it, and lets go of it; problems go to stderr with exit 2 or 4. */
async function withHostStore(options: TokenStoreOptions, use: (store: PostgresHostStore) => Promise<number>) {
  const database = await hostDatabase(options.store, options.stateDir);
  if (database.isErr()) {
    process.stderr.write(`${database.error}\n`);
    return ExitCode.invalidInput;
  }
  try {
    const store = await PostgresHostStore.open({ connectionString: database.value.url });
    if (store.isErr()) {
      process.stderr.write(
        `the host store (${database.value.description}) could not be opened: ${store.error.message}\n`,
      );
      return ExitCode.error;
    }
    try {
      return await use(store.value);
    } finally {
      await store.value.close();
    }
  } finally {
    await database.value.release();
  }
}

/** `changeplane token create`: prints the new token once, on the last line of stdout. */
export async function tokenCreateCommand(options: TokenCreateOptions): Promise<number> {
  const scopes = options.scope ?? [];
  const invalid = scopes.map(parseScope).find((parsed) => parsed.isErr());
  if (invalid?.isErr()) {
    process.stderr.write(`--scope: ${invalid.error.message}\n`);
    return ExitCode.invalidInput;
  }
  return withHostStore(options, async (store) => {
    const created = await store.createToken({
      name: options.name,
      tenant: options.tenant,
      scopes,
      approver: options.approver === true,
      admin: options.admin === true,
      requiresApproval: options.requireApproval === true,
    });
    if (created.isErr()) {
      process.stderr.write(`${created.error.message}\n`);
      return created.error.kind === 'exists' ? ExitCode.invalidInput : ExitCode.error;
    }
    const roles = [options.admin ? 'admin' : '', options.approver ? 'approver' : ''].filter(Boolean);
    process.stdout.write(
      `token ${options.name} for tenant ${options.tenant}${roles.length ? ` (${roles.join(', ')})` : ''}, scopes: ${scopes.length ? scopes.join(' ') : 'none'}\n`,
    );
    process.stdout.write('it is shown this once; the host keeps only its hash:\n');
    process.stdout.write(`${created.value.token}\n`);
    return ExitCode.success;
  });
}

/** `changeplane token list`: every token by name, never the tokens themselves. */
export async function tokenListCommand(options: TokenStoreOptions & { readonly json?: boolean }): Promise<number> {
  return withHostStore(options, async (store) => {
    const listed = await store.listTokens();
    if (listed.isErr()) {
      process.stderr.write(`${listed.error.message}\n`);
      return ExitCode.error;
    }
    if (options.json) {
      process.stdout.write(`${JSON.stringify(listed.value)}\n`);
      return ExitCode.success;
    }
    for (const token of listed.value) {
      const roles = [
        token.admin ? 'admin' : '',
        token.approver ? 'approver' : '',
        token.requiresApproval ? 'needs approval' : '',
      ]
        .filter(Boolean)
        .join(', ');
      const state = token.revokedAt ? `revoked ${token.revokedAt}` : `created ${token.createdAt}`;
      process.stdout.write(
        `${token.name}\ttenant ${token.tenant}\tscopes ${token.scopes.join(' ') || 'none'}${roles ? `\t${roles}` : ''}\t${state}\n`,
      );
    }
    if (listed.value.length === 0)
      process.stdout.write('no tokens yet: changeplane token create --tenant T --name N --scope S\n');
    return ExitCode.success;
  });
}

/** `changeplane token revoke <name>`: the token stops working at once, on every server. */
export async function tokenRevokeCommand(name: string, options: TokenStoreOptions): Promise<number> {
  return withHostStore(options, async (store) => {
    const revoked = await store.revokeToken(name);
    if (revoked.isErr()) {
      process.stderr.write(`${revoked.error.message}\n`);
      return ExitCode.error;
    }
    if (!revoked.value) {
      process.stderr.write(`no token named ${name} (or it was revoked before)\n`);
      return ExitCode.invalidInput;
    }
    process.stdout.write(`token ${name} revoked\n`);
    return ExitCode.success;
  });
}
