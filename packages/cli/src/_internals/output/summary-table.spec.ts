import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { SummaryRow } from './run-event.js';
import { summaryTable } from './summary-table.js';
import { terminalStyle } from './terminal-style.js';

const rows: SummaryRow[] = [
  {
    task: 'ros:web-network',
    provider: 'alibaba-ros',
    label: 'ros stack web-network-with-a-rather-long-name',
    changeSetId: 'df8f3fde-e2e9-43f7-98cd-a46262390130',
    changes: 2,
    status: 'succeeded',
    detail: 'Stack CREATE completed successfully '.repeat(6),
  },
  {
    task: 'marketplace:1',
    provider: 'aws-marketplace',
    label: 'marketplace set 1/2',
    changeSetId: 'th0fclqbd8b0gcqwie0jjqlnr',
    changes: 18,
    status: 'interrupted',
  },
];

describe(summaryTable, () => {
  for (const columns of [80, 100, 60]) {
    describe(`having a terminal ${columns} columns wide`, () => {
      it('should keep every line within the width and every change-set id whole', () => {
        const text = stripVTControlCharacters(summaryTable(rows, terminalStyle({ isTTY: false, columns }, {})));
        for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(columns);
        if (columns >= 80) expect(text).toContain('df8f3fde-e2e9-43f7-98cd-a46262390130');
        expect(text).toContain('Stack CREATE completed');
      });
    });
  }
});
