import { afterEach, describe, expect, it, vi } from 'vitest';
import { suppressNodeVersionWarning } from './suppress-node-version-warning.js';

describe(suppressNodeVersionWarning, () => {
  const original = process.emitWarning;
  afterEach(() => {
    process.emitWarning = original;
  });

  describe('when the SDK warns about the Node version', () => {
    it('should drop that warning and pass every other one on', () => {
      const seen = vi.fn();
      process.emitWarning = seen as unknown as typeof process.emitWarning;
      suppressNodeVersionWarning();
      process.emitWarning('NodeVersionSupportWarning: The AWS SDK for JavaScript (v3) ...');
      process.emitWarning('something else', 'DeprecationWarning');
      process.emitWarning(Object.assign(new Error('boom'), { name: 'ExperimentalWarning' }));
      expect(seen).toHaveBeenCalledTimes(2);
      expect(seen.mock.calls[0]).toEqual(['something else', 'DeprecationWarning']);
    });
  });
});
