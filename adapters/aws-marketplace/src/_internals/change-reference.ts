/**
 * `$ChangeName.Entity.Identifier`: how one change of a set points at the entity of another (typically one
 * the set itself creates). The one grammar of the adapter and the planning policy; the emulator keeps an
 * independent copy, and test/contract/change-reference-grammar.spec.ts runs one case table through both.
 * The name is word characters and hyphens; a ChangeName with other characters cannot be referenced.
 */
export const changeReference = {
  /** A whole value that is a reference, e.g. an Entity.Identifier. */
  whole: /^\$([\w-]+)\.Entity\.Identifier$/,
  /** References anywhere inside a text, e.g. a Details document. */
  inside: /\$([\w-]+)\.Entity\.Identifier/g,

  /** The ChangeName a whole value refers to, if it is a reference. */
  nameIn(value: unknown): string | undefined {
    return typeof value === 'string' ? changeReference.whole.exec(value)?.[1] : undefined;
  },

  /** Every ChangeName mentioned inside a text, in order, repeats kept. */
  namesInside(text: string): string[] {
    return [...text.matchAll(changeReference.inside)].map((match) => match[1] as string);
  },

  /** Every ChangeName mentioned anywhere in the values (strings, arrays, objects, deeply), each once. */
  namesIn(...values: readonly unknown[]): string[] {
    const names = new Set<string>();
    const visit = (value: unknown): void => {
      if (typeof value === 'string') {
        if (value.includes('$')) for (const name of changeReference.namesInside(value)) names.add(name);
      } else if (Array.isArray(value)) {
        for (const item of value) visit(item);
      } else if (value !== null && typeof value === 'object') {
        for (const item of Object.values(value)) visit(item);
      }
    };
    for (const value of values) visit(value);
    return [...names];
  },
} as const;
