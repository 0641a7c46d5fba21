import { MarketplaceException } from './marketplace-exception.js';

/**
 * One page of a list and the NextToken of the next one. The token is an opaque offset; one the emulator
 * did not issue is a ValidationException, as a tampered token is for the service.
 */
export function pageOf<T>(
  items: readonly T[],
  request: { readonly MaxResults?: unknown; readonly NextToken?: unknown },
  defaultSize: number,
  maxSize: number,
): { readonly page: readonly T[]; readonly nextToken?: string } {
  const size = request.MaxResults ?? defaultSize;
  if (typeof size !== 'number' || !Number.isInteger(size) || size < 1 || size > maxSize) {
    throw MarketplaceException.validation([
      { Field: 'MaxResults', Reason: 'FieldValidationFailed', Message: `MaxResults must be 1 to ${maxSize}` },
    ]);
  }
  let start = 0;
  if (request.NextToken !== undefined) {
    const match =
      typeof request.NextToken === 'string'
        ? /^offset:(\d+)$/.exec(Buffer.from(request.NextToken, 'base64url').toString('utf8'))
        : null;
    if (!match) {
      throw MarketplaceException.validation([
        { Field: 'NextToken', Reason: 'FieldValidationFailed', Message: 'NextToken is not a token this API issued' },
      ]);
    }
    start = Number(match[1]);
  }
  const end = start + size;
  return {
    page: items.slice(start, end),
    ...(end < items.length ? { nextToken: Buffer.from(`offset:${end}`).toString('base64url') } : {}),
  };
}
