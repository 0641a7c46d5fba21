import Table from 'cli-table3';
import wrapAnsi from 'wrap-ansi';
import type { SummaryRow, TaskStatus } from './run-event.js';
import type { TerminalStyle } from './terminal-style.js';

export const statusIcons: Partial<Record<TaskStatus, string>> = {
  succeeded: '✔',
  previewed: '●',
  ready: '●',
  'no-changes': '○',
  failed: '✖',
  cancelled: '■',
  skipped: '↷',
  pending: '·',
  'not-started': '·',
  detached: '↗',
  interrupted: '‼',
};

/**
 * The closing summary sized to the terminal: target (with its number of changes), status and change set in a table that fits
 * `columns` (80 by default); each row's detail goes below the table, wrapped, so no column grows wide.
 */
export function summaryTable(rows: readonly SummaryRow[], style: TerminalStyle): string {
  const { colors } = style;
  const width = Math.min(style.columns, 120);
  // Borders and padding take 3 characters per column plus 1. Status and change-set columns are as wide as
  // their longest entry (a 36-character id fits whole from 80 columns); the target takes the rest and wraps.
  const statusWidth = Math.max(6, ...rows.map((row) => row.status.length + 2));
  const longestId = Math.max(10, ...rows.map((row) => row.changeSetId?.length ?? 1));
  // Below 80 columns the id wraps rather than squeezing the target under 12 characters.
  const changeSet = Math.max(10, Math.min(36, longestId, width - 10 - statusWidth - 12));
  const target = Math.max(12, width - 10 - statusWidth - changeSet);
  const table = new Table({
    head: ['target (changes)', 'status', 'change set'],
    colWidths: [target + 2, statusWidth + 2, changeSet + 2],
    wordWrap: true,
    wrapOnWordBoundary: true,
    style: colors.isColorSupported ? { head: [] } : { head: [], border: [] },
  });
  for (const row of rows) {
    const icon = statusIcons[row.status] ?? '›';
    const colored =
      row.status === 'succeeded' || row.status === 'previewed'
        ? colors.green(icon)
        : row.status === 'failed' || row.status === 'interrupted'
          ? colors.red(icon)
          : icon;
    table.push([`${row.label} (${row.changes})`, `${colored} ${row.status}`, row.changeSetId ?? '-']);
  }
  const details = rows
    .filter((row) => row.detail)
    .map((row) => wrapAnsi(`${row.label}: ${row.detail}`, width - 2, { hard: true }).replaceAll('\n', '\n  '));
  return [table.toString(), ...details.map((detail) => `  ${detail}`)].join('\n');
}
