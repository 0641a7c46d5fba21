/**
 * `$ChangeName.Entity.Identifier`: how one change of a set points at the entity of another (typically one
 * that the set itself creates, whose identifier nobody knows yet). The name part is matched as word
 * characters and hyphens; a ChangeName with other characters simply cannot be referenced.
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

  /** Every ChangeName mentioned inside a text. */
  namesInside(text: string): string[] {
    return [...text.matchAll(changeReference.inside)].map((match) => match[1] as string);
  },

  /** Replaces every reference inside `text` by the identifier `resolve` gives for its name. */
  substitute(text: string, resolve: (name: string) => string | undefined): string {
    return text.replace(changeReference.inside, (whole, name: string) => resolve(name) ?? whole);
  },
} as const;
