/** The parameters of one ROS call: query string plus the form body (TemplateBody travels there). */
export class RosRequestParameters {
  readonly #values = new Map<string, string>();

  constructor(query: URLSearchParams, form: URLSearchParams) {
    for (const [key, value] of query) this.#values.set(key, value);
    for (const [key, value] of form) this.#values.set(key, value);
  }

  get(name: string): string | undefined {
    return this.#values.get(name);
  }

  has(name: string): boolean {
    return this.#values.has(name);
  }

  integer(name: string): number | undefined {
    const value = this.#values.get(name);
    return value === undefined ? undefined : Number(value);
  }

  boolean(name: string): boolean | undefined {
    const value = this.#values.get(name);
    return value === undefined ? undefined : value.toLowerCase() === 'true';
  }

  /** `NotificationURLs.1`, `NotificationURLs.2`, ... (1-based, as the SDK flattens arrays). */
  strings(name: string): string[] {
    const found: [number, string][] = [];
    for (const [key, value] of this.#values) {
      const match = new RegExp(`^${name}\\.(\\d+)$`).exec(key);
      if (match) found.push([Number(match[1]), value]);
    }
    return found.sort(([a], [b]) => a - b).map(([, value]) => value);
  }

  /** `Parameters.1.ParameterKey`, `Parameters.1.ParameterValue`, ... as objects. */
  objects(name: string): Record<string, string>[] {
    const byIndex = new Map<number, Record<string, string>>();
    for (const [key, value] of this.#values) {
      const match = new RegExp(`^${name}\\.(\\d+)\\.(\\w+)$`).exec(key);
      if (!match) continue;
      const index = Number(match[1]);
      const entry = byIndex.get(index) ?? {};
      entry[match[2]!] = value;
      byIndex.set(index, entry);
    }
    return [...byIndex.entries()].sort(([a], [b]) => a - b).map(([, entry]) => entry);
  }
}
