import type { ProviderDescriptor } from '@changeplane/core/adapter';

/** The flag's camelCase key as commander stores it: `--ros-endpoint <url>` -> `rosEndpoint`. */
export function optionAttribute(flag: string): string {
  const long = flag.split(/[ ,]+/).find((part) => part.startsWith('--')) ?? flag;
  return long.replace(/^--/, '').replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

/** A descriptor's option values: the flag when given, else its environment variable. */
export function optionValues(
  descriptor: ProviderDescriptor,
  flags: Readonly<Record<string, unknown>>,
  env: NodeJS.ProcessEnv,
): Record<string, string | undefined> {
  return Object.fromEntries(
    descriptor.options.map((option) => {
      const flag = flags[optionAttribute(option.flag)];
      const value = typeof flag === 'string' ? flag : option.env ? env[option.env] : undefined;
      return [option.key, value === '' ? undefined : value];
    }),
  );
}
