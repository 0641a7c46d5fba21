import { randomInt } from 'node:crypto';

const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** Lower-case alphanumerics, as real ids look (change sets: 25 characters; `prod-` + 13 for products). */
export function randomIdentifier(length: number): string {
  let identifier = '';
  for (let index = 0; index < length; index += 1) identifier += alphabet[randomInt(alphabet.length)];
  return identifier;
}
