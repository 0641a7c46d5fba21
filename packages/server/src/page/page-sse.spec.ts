import { describe, expect, it } from 'vitest';
import { parseFrame } from './page-sse.js';

describe('parseFrame', () => {
  describe('having a frame with id, event and data lines', () => {
    describe('when called', () => {
      it('should read each field, joining data lines with a newline and skipping comments', () => {
        expect(parseFrame(': heartbeat\nid: 7\nevent: task-status\ndata: {"a":\ndata: 1}')).toEqual({
          id: '7',
          event: 'task-status',
          data: '{"a":\n1}',
        });
      });
    });
  });

  describe('having a comment only', () => {
    describe('when called', () => {
      it('should give a message frame without data, which the reader does not pass on', () => {
        expect(parseFrame(': overview of the host')).toEqual({ event: 'message' });
      });
    });
  });

  describe('having fields without the space after the colon, or without a colon', () => {
    describe('when called', () => {
      it('should read them as the SSE specification does', () => {
        expect(parseFrame('event:overview\ndata:{}\ndata')).toEqual({ event: 'overview', data: '{}\n' });
      });
    });
  });
});
