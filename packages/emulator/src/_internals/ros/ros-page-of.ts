import { RosError } from './ros-error.js';
import type { RosRequestParameters } from './ros-request-parameters.js';

/** One page of a list by PageNumber (from 1) and PageSize (1-50, default 10), with the paging members. */
export function rosPageOf<T>(items: readonly T[], params: RosRequestParameters) {
  const pageNumber = params.integer('PageNumber') ?? 1;
  const pageSize = params.integer('PageSize') ?? 10;
  if (!Number.isInteger(pageNumber) || pageNumber < 1) throw RosError.invalid('PageNumber', 'an integer of at least 1');
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 50)
    throw RosError.invalid('PageSize', 'an integer from 1 to 50');
  return {
    page: items.slice((pageNumber - 1) * pageSize, pageNumber * pageSize),
    PageNumber: pageNumber,
    PageSize: pageSize,
    TotalCount: items.length,
  };
}
