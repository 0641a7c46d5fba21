/** One Server-Sent Events frame as a client sees it. */
export interface Frame {
  readonly id?: string;
  readonly event?: string;
  readonly data?: unknown;
  readonly comment?: string;
}

/** Reads a text/event-stream until the server ends it (or `until` says enough); frames in order. */
export async function readStream(
  response: Response,
  until: (frames: Frame[]) => boolean = () => false,
): Promise<Frame[]> {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  const frames: Frame[] = [];
  let buffered = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return frames;
    buffered += value;
    let end = buffered.indexOf('\n\n');
    while (end !== -1) {
      const frame: Record<string, unknown> = {};
      for (const line of buffered.slice(0, end).split('\n')) {
        if (line.startsWith(':')) frame.comment = line.slice(1).trim();
        const [field, ...rest] = line.split(': ');
        if (field === 'id' || field === 'event') frame[field] = rest.join(': ');
        if (field === 'data') frame.data = JSON.parse(rest.join(': '));
      }
      frames.push(frame);
      buffered = buffered.slice(end + 2);
      end = buffered.indexOf('\n\n');
    }
    if (until(frames)) {
      await reader.cancel();
      return frames;
    }
  }
}
