import { describe, expect, it } from 'vitest';
import { terminalStyle } from './terminal-style.js';

const tty = { isTTY: true, columns: 80 };

describe(terminalStyle, () => {
  describe('having a terminal', () => {
    it('should colour and redraw in place', () => {
      const style = terminalStyle(tty, { TERM: 'xterm-256color' });
      expect(style.live).toBe(true);
      expect(style.colors.isColorSupported).toBe(true);
    });
  });

  describe('having NO_COLOR, --no-color or TERM=dumb', () => {
    it('should not colour; TERM=dumb also gets no cursor movement', () => {
      expect(terminalStyle(tty, { NO_COLOR: '1' }).colors.isColorSupported).toBe(false);
      expect(terminalStyle(tty, {}, { color: false }).colors.isColorSupported).toBe(false);
      const dumb = terminalStyle(tty, { TERM: 'dumb' });
      expect(dumb.colors.isColorSupported).toBe(false);
      expect(dumb.live).toBe(false);
    });
  });

  describe('having a pipe or CI', () => {
    it('should print plain lines', () => {
      expect(terminalStyle({ isTTY: false }, {}).live).toBe(false);
      expect(terminalStyle(tty, { CI: 'true' }).live).toBe(false);
    });
  });
});
