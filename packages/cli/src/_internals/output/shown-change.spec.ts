import { describe, expect, it } from 'vitest';
import { oneLineDetail, shownChange } from './shown-change.js';

describe(shownChange, () => {
  it('should mask secret-looking values of the detail and keep the rest whole', () => {
    const detail = JSON.stringify({ Title: 'x'.repeat(500), Password: 'hunter2-hunter2', SecretAccessKey: 'abc' });
    const shown = shownChange({ action: 'UpdateInformation', target: 'SaaSProduct@1.0/p', detail });
    expect(JSON.parse(shown.detail!)).toEqual({ Title: 'x'.repeat(500), Password: '***', SecretAccessKey: '***' });
  });

  it('should leave a change without detail as it is', () => {
    const change = { action: 'Add', target: 'Vpc' };
    expect(shownChange(change)).toBe(change);
  });
});

describe(oneLineDetail, () => {
  it('should fold a document written over several lines', () => {
    expect(oneLineDetail('{\n  "a": 1,\n  "b": 2\n}\n')).toBe('{ "a": 1, "b": 2 }');
  });
});
