/// <reference lib="dom" />

/** One Server-Sent Events frame. */
export interface SseFrame {
  id?: string;
  event: string;
  data?: string;
}

/** Parses one frame (the lines before a blank line) as the SSE specification reads fields; comments are skipped. */
export function parseFrame(text: string): SseFrame {
  const frame: SseFrame = { event: 'message' };
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') frame.event = value;
    else if (field === 'id') frame.id = value;
    else if (field === 'data') frame.data = frame.data === undefined ? value : `${frame.data}\n${value}`;
  }
  return frame;
}

/**
 * Reads an event stream with fetch, since EventSource cannot send an Authorization header. Calls `onFrame` for
 * each frame with data; resolves with the last event id when the server ends the stream; rejects with
 * `HTTP <status>` when refused, or the network's error.
 */
export async function readEventStream(
  url: string,
  token: string,
  lastEventId: string | undefined,
  onFrame: (frame: SseFrame) => void,
  signal: AbortSignal,
): Promise<string | undefined> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: 'text/event-stream' };
  if (lastEventId) headers['last-event-id'] = lastEventId;
  const response = await fetch(url, { headers, signal, cache: 'no-store' });
  if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let lastId = lastEventId;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return lastId;
    buffer = (buffer + value).replace(/\r\n?/g, '\n');
    for (let end = buffer.indexOf('\n\n'); end !== -1; end = buffer.indexOf('\n\n')) {
      const frame = parseFrame(buffer.slice(0, end));
      buffer = buffer.slice(end + 2);
      if (frame.id) lastId = frame.id;
      if (frame.data !== undefined) onFrame(frame);
    }
  }
}

/** A JSON GET of the API with the token; rejects with `HTTP <status>` when refused. */
export async function getJson<Body>(url: string, token: string, signal: AbortSignal): Promise<Body> {
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` }, signal, cache: 'no-store' });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return (await response.json()) as Body;
}
