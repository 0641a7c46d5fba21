/**
 * Percent-encodes as RFC 3986 wants for canonical requests (both ACS3 and SigV4): `encodeURIComponent`,
 * plus `!'()*`, which it leaves alone, as upper-case `%XX`.
 */
export function encodeRfc3986(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}
