import { describe, expect, it } from 'vitest';
import { main } from './library-import.js';

describe('examples/library-import', () => {
  it('should carry out a ROS and a Marketplace change set to succeeded', async () => {
    const states = await main();
    expect(states.map((state) => [state.ref.provider, state.status])).toEqual([
      ['alibaba-ros', 'succeeded'],
      ['aws-marketplace', 'succeeded'],
    ]);
  });
});
