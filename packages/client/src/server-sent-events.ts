import { createParser, type EventSourceMessage } from 'eventsource-parser';

/**
 * The messages of a `text/event-stream` body as they arrive (comments and heartbeats skipped), parsed by
 * eventsource-parser. Ends when the server ends the body; rejects when the connection breaks.
 */
export async function* serverSentEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<EventSourceMessage> {
  const pending: EventSourceMessage[] = [];
  const parser = createParser({ onEvent: (message) => pending.push(message) });
  const decoder = new TextDecoder();
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parser.feed(decoder.decode(value, { stream: true }));
      yield* pending.splice(0);
    }
  } finally {
    // Leaving early (the caller stopped iterating) closes the connection.
    await reader.cancel().catch(() => undefined);
  }
}
