import { isAbortError, networkError, responseError, sendApiRequest } from './api-client';

/** One dispatched server-sent event. `event` is `message` when the server named none. */
export interface ServerSentEvent {
  event: string;
  data: string;
  /** The last `id:` seen on the stream so far, or null. */
  id: string | null;
}

const LINE_BREAK = /\r\n|\r|\n/g;

/**
 * Incremental `text/event-stream` parser (the WHATWG "event stream interpretation"): feed it decoded text in
 * chunks of any size, it returns the events completed by each chunk. Lines may end in CRLF, LF or CR; comment
 * lines (`: heartbeat`) are ignored; several `data:` lines join with `\n`; an event without data is not dispatched,
 * and an event the stream ends in the middle of is dropped.
 */
export class SseParser {
  private buffer = '';
  private started = false;
  private eventType = '';
  private data = '';
  private lastId: string | null = null;

  push(text: string): ServerSentEvent[] {
    let input = this.buffer + text;
    if (!this.started && input.length > 0) {
      this.started = true;
      if (input.charCodeAt(0) === 0xfeff) input = input.slice(1);
    }
    const events: ServerSentEvent[] = [];
    let start = 0;
    LINE_BREAK.lastIndex = 0;
    for (let match = LINE_BREAK.exec(input); match; match = LINE_BREAK.exec(input)) {
      // a CR at the very end may be the first half of a CRLF split across chunks: wait for the next chunk
      if (match[0] === '\r' && match.index === input.length - 1) break;
      this.line(input.slice(start, match.index), events);
      start = match.index + match[0].length;
    }
    this.buffer = input.slice(start);
    return events;
  }

  private line(line: string, events: ServerSentEvent[]) {
    if (line === '') {
      this.dispatch(events);
      return;
    }
    if (line.startsWith(':')) return; // comment, e.g. a heartbeat
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    switch (field) {
      case 'event':
        this.eventType = value;
        break;
      case 'data':
        this.data += `${value}\n`;
        break;
      case 'id':
        if (!value.includes('\0')) this.lastId = value;
        break;
      default:
        // `retry` and unknown fields are ignored
        break;
    }
  }

  private dispatch(events: ServerSentEvent[]) {
    if (this.data !== '') {
      events.push({ event: this.eventType || 'message', data: this.data.slice(0, -1), id: this.lastId });
    }
    this.data = '';
    this.eventType = '';
  }
}

const ACCEPT = 'text/event-stream, application/problem+json';

/**
 * Opens a server-sent event stream at `path` with fetch (so errors carry the server's ProblemDetail, unlike
 * EventSource) and yields its events until the server closes it.
 *
 * Throws an {@link ApiError} for a non-2xx answer (with its ProblemDetail) and an ApiError with status 0 when the
 * server cannot be reached or the connection breaks; aborting `init.signal` rejects with the AbortError.
 */
export async function* readEventStream(path: string, init: RequestInit = {}): AsyncGenerator<ServerSentEvent, void, undefined> {
  const signal = init.signal ?? undefined;
  const response = await sendApiRequest(path, init, ACCEPT);
  if (!response.ok) throw await responseError(path, response);
  if (!response.body) return;

  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const parser = new SseParser();
  const cancel = () => {
    reader.cancel().catch(() => {});
  };
  signal?.addEventListener('abort', cancel, { once: true });
  try {
    for (;;) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (error) {
        if (signal?.aborted) throw signal.reason;
        if (isAbortError(error)) throw error;
        throw networkError();
      }
      if (signal?.aborted) throw signal.reason;
      if (chunk.done) break;
      yield* parser.push(decoder.decode(chunk.value, { stream: true }));
    }
    yield* parser.push(decoder.decode());
  } finally {
    signal?.removeEventListener('abort', cancel);
    // the consumer may stop early (a `done` event, an unmount): release the connection
    cancel();
  }
}

const TERMINAL_EVENTS: ReadonlySet<string> = new Set(['done', 'failed']);

/** One event of a typed stream: its name and its JSON object data. */
export interface JsonEvent {
  type: string;
  data: object;
}

/**
 * Reads a stream whose events carry JSON objects, as the Groundwork API's streams do: yields the events named in
 * `types` and ends after the first one named in `terminal` (`done`, `failed`) even if the server sends more.
 * Events of other types and data that is not a JSON object are skipped. Throws like {@link readEventStream}.
 */
export async function* readJsonEvents(
  path: string,
  init: RequestInit,
  types: ReadonlySet<string>,
  terminal: ReadonlySet<string> = TERMINAL_EVENTS,
): AsyncGenerator<JsonEvent, void, undefined> {
  for await (const event of readEventStream(path, init)) {
    if (!types.has(event.event)) continue;
    let data: unknown;
    try {
      data = JSON.parse(event.data);
    } catch {
      continue;
    }
    if (data === null || typeof data !== 'object' || Array.isArray(data)) continue;
    yield { type: event.event, data };
    if (terminal.has(event.event)) return;
  }
}
