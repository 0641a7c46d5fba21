import { describe, expect, it } from 'vitest';
import { outputText, shownOutputs } from './shown-outputs.js';

describe(shownOutputs, () => {
  it('should keep values whole and of their type, secret-looking members masked', () => {
    expect(
      shownOutputs({
        VpcId: 'vpc-1',
        Ports: [80, 443],
        Database: { Host: 'db.internal', Password: 'hunter2-hunter2' },
      }),
    ).toEqual({ VpcId: 'vpc-1', Ports: [80, 443], Database: { Host: 'db.internal', Password: '***' } });
  });
});

describe(outputText, () => {
  it('should show a string as it is and anything else as its JSON text', () => {
    expect(outputText('10.0.0.0/8')).toBe('10.0.0.0/8');
    expect(outputText(['a', 'b'])).toBe('["a","b"]');
    expect(outputText(null)).toBe('null');
  });
});
