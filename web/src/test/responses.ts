/** fetch answers shaped like the Groundwork API's, for unit tests of any feature. */

/** A JSON answer as the server would send it. */
export function jsonResponse(body: unknown, status = 200, contentType = 'application/json'): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': contentType } });
}

/** An RFC 9457 error answer (`application/problem+json`). */
export function problemResponse(status: number, title: string, detail: string): Response {
  return jsonResponse({ type: `https://groundwork.dev/problems/${status}`, title, status, detail }, status, 'application/problem+json');
}

/** An event-stream answer whose body arrives in the given chunks (text or raw bytes), then closes. */
export function eventStreamResponse(chunks: (string | Uint8Array)[]): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(typeof chunk === 'string' ? encoder.encode(chunk) : chunk);
      controller.close();
    },
  });
  return new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
}

/** `event:`/`data:` lines for one event, as Spring writes them. */
export function sseEvent(event: string, data: unknown): string {
  return `event:${event}\ndata:${JSON.stringify(data)}\n\n`;
}

/** An event-stream answer the test writes to as it goes; `close` ends it like the server does after `done`. */
export function openEventStream(): {
  response: Response;
  push: (text: string) => void;
  close: () => void;
  /** True once the reader cancelled the body (the client gave up on the stream). */
  cancelled: () => boolean;
} {
  const encoder = new TextEncoder();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let cancelled = false;
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
    },
    cancel() {
      cancelled = true;
    },
  });
  return {
    response: new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } }),
    push: (text) => controller.enqueue(encoder.encode(text)),
    close: () => controller.close(),
    cancelled: () => cancelled,
  };
}

/** Splits text into pieces of `size` bytes of its UTF-8 encoding, so boundaries fall inside lines and characters. */
export function byteChunks(text: string, size: number): Uint8Array[] {
  const bytes = new TextEncoder().encode(text);
  const chunks: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.slice(i, i + size));
  return chunks;
}
