const warningName = 'NodeVersionSupportWarning';

/**
 * The pinned AWS SDK (the last that runs on Node 20) warns once per process that Node 20 support is
 * ending: `process.emitWarning('NodeVersionSupportWarning: ...')`. People running the command cannot act
 * on it, so exactly that warning is dropped; every other warning still reaches stderr.
 */
export function suppressNodeVersionWarning(): void {
  const emitWarning = process.emitWarning.bind(process);
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const text = typeof warning === 'string' ? warning : `${warning.name}: ${warning.message}`;
    const type = typeof rest[0] === 'string' ? rest[0] : (rest[0] as { type?: string } | undefined)?.type;
    if (text.startsWith(`${warningName}:`) || type === warningName) return;
    (emitWarning as (...args: unknown[]) => void)(warning, ...rest);
  }) as typeof process.emitWarning;
}
