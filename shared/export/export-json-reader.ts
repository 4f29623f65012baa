/**
 * Reads an export's JSON as it arrives, a chunk of text at a time, so that a year of history never
 * has to be one string (V8 refuses strings over about 512 MB, and `JSON.parse` of one that large
 * needs several times its size at once). The file's outline — the top-level object, its `tables`
 * object and each table's list — is followed here; every other value (each record, and the top
 * level's scalars) is cut out whole and given to `JSON.parse`, so what comes out is exactly what
 * `JSON.parse` of the whole text would give, or a `SyntaxError` saying where the text went wrong.
 */
export class ExportJsonReader {
  private readonly frames: Frame[] = [];
  private root: Record<string, unknown> | undefined = undefined;
  private done = false;
  /** The value being cut out, while it spans chunks. */
  private capture: Capture | null = null;
  /** Characters read before this chunk (for where an error is). */
  private offset = 0;

  /** Takes the next chunk of text. */
  push(chunk: string): void {
    let i = 0;
    while (i < chunk.length) {
      if (this.capture !== null) {
        i = this.continueCapture(chunk, i);
        continue;
      }
      const c = chunk.charCodeAt(i);
      if (isSpace(c)) {
        i += 1;
        continue;
      }
      this.structural(c, chunk, i);
      // A capture that started at i reads from i itself.
      if (this.capture === null) i += 1;
    }
    this.offset += chunk.length;
  }

  /** The whole value, once the text has ended. */
  end(): Record<string, unknown> {
    if (!this.done || this.capture !== null || this.root === undefined) {
      throw new SyntaxError('Unexpected end of JSON input');
    }
    return this.root;
  }

  private structural(c: number, chunk: string, i: number): void {
    if (this.done) this.fail(chunk, i, 'after the end of the file');
    const frame = this.frames[this.frames.length - 1];
    if (frame === undefined) {
      if (c !== OPEN_BRACE) this.fail(chunk, i, 'one JSON object, as every export is');
      this.root = {};
      this.frames.push({ kind: 'object', into: this.root, depth: 0, key: null, expect: 'key' });
      return;
    }
    if (frame.kind === 'object') {
      switch (frame.expect) {
        case 'key':
          if (c === CLOSE_BRACE && frame.key === null && isEmptyObject(frame.into)) {
            this.close();
            return;
          }
          if (c !== QUOTE) this.fail(chunk, i, 'a name in quotes');
          this.startCapture('key', chunk, i);
          return;
        case 'colon':
          if (c !== COLON) this.fail(chunk, i, '":"');
          frame.expect = 'value';
          return;
        case 'value':
          this.startValue(frame, c, chunk, i);
          return;
        case 'next':
          if (c === COMMA) frame.expect = 'key';
          else if (c === CLOSE_BRACE) this.close();
          else this.fail(chunk, i, '"," or "}"');
          frame.key = null;
          return;
      }
    }
    switch (frame.expect) {
      case 'first':
        if (c === CLOSE_BRACKET) {
          this.close();
          return;
        }
        this.startValue(frame, c, chunk, i);
        return;
      case 'value':
        this.startValue(frame, c, chunk, i);
        return;
      case 'next':
        if (c === COMMA) frame.expect = 'value';
        else if (c === CLOSE_BRACKET) this.close();
        else this.fail(chunk, i, '"," or "]"');
        return;
    }
  }

  /** A value in the outline (the `tables` object, a table's list) or one to cut out whole. */
  private startValue(frame: Frame, c: number, chunk: string, i: number): void {
    if (
      frame.kind === 'object' &&
      frame.depth === 0 &&
      frame.key === 'tables' &&
      c === OPEN_BRACE
    ) {
      const tables: Record<string, unknown> = {};
      this.place(frame, tables);
      this.frames.push({ kind: 'object', into: tables, depth: 1, key: null, expect: 'key' });
      return;
    }
    if (frame.kind === 'object' && frame.depth === 1 && c === OPEN_BRACKET) {
      const list: unknown[] = [];
      this.place(frame, list);
      this.frames.push({ kind: 'array', into: list, expect: 'first' });
      return;
    }
    if (c === OPEN_BRACE || c === OPEN_BRACKET) this.startCapture('nested', chunk, i);
    else if (c === QUOTE) this.startCapture('string', chunk, i);
    else if (c === CLOSE_BRACE || c === CLOSE_BRACKET || c === COMMA || c === COLON) {
      this.fail(chunk, i, 'a value');
    } else this.startCapture('scalar', chunk, i);
  }

  private place(frame: Frame, value: unknown): void {
    if (frame.kind === 'array') frame.into.push(value);
    // As JSON.parse does, a name is always the object's own property (even "__proto__").
    else
      Object.defineProperty(frame.into, frame.key ?? '', {
        value,
        writable: true,
        enumerable: true,
        configurable: true,
      });
    frame.expect = 'next';
  }

  private close(): void {
    this.frames.pop();
    if (this.frames.length === 0) this.done = true;
  }

  private startCapture(kind: Capture['kind'], chunk: string, i: number): void {
    this.capture = {
      kind,
      parts: [],
      at: this.offset + i,
      depth: 0,
      inString: false,
      escaped: false,
    };
  }

  /**
   * Reads on in the value being cut out, from `from` (where it begins, or the chunk's start);
   * returns where the chunk goes on after it.
   */
  private continueCapture(chunk: string, from: number): number {
    const capture = this.capture as Capture;
    for (let i = from; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (capture.kind === 'scalar') {
        if (isSpace(c) || c === COMMA || c === CLOSE_BRACE || c === CLOSE_BRACKET) {
          capture.parts.push(chunk.slice(from, i));
          this.finishCapture();
          return i; // the delimiter is the outline's to read
        }
        continue;
      }
      if (capture.inString) {
        if (capture.escaped) capture.escaped = false;
        else if (c === BACKSLASH) capture.escaped = true;
        else if (c === QUOTE) {
          capture.inString = false;
          if (capture.kind !== 'nested') {
            capture.parts.push(chunk.slice(from, i + 1));
            this.finishCapture();
            return i + 1;
          }
        }
        continue;
      }
      if (c === QUOTE) capture.inString = true;
      else if (c === OPEN_BRACE || c === OPEN_BRACKET) capture.depth += 1;
      else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
        capture.depth -= 1;
        if (capture.depth === 0) {
          capture.parts.push(chunk.slice(from, i + 1));
          this.finishCapture();
          return i + 1;
        }
      }
    }
    capture.parts.push(chunk.slice(from));
    return chunk.length;
  }

  private finishCapture(): void {
    const capture = this.capture as Capture;
    this.capture = null;
    const text = capture.parts.join('');
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      throw new SyntaxError(`${detail} (in the value at character ${capture.at})`);
    }
    const frame = this.frames[this.frames.length - 1] as Frame;
    if (capture.kind === 'key' && frame.kind === 'object') {
      frame.key = value as string;
      frame.expect = 'colon';
    } else this.place(frame, value);
  }

  private fail(chunk: string, i: number, expected: string): never {
    const found = JSON.stringify(chunk.charAt(i));
    throw new SyntaxError(
      `Unexpected ${found} at character ${this.offset + i}: expected ${expected}`,
    );
  }
}

/** Reads a whole export from a stream of text chunks (the file read a piece at a time). */
export async function readExportJson(chunks: AsyncIterable<string>): Promise<unknown> {
  const reader = new ExportJsonReader();
  for await (const chunk of chunks) reader.push(chunk);
  return reader.end();
}

type Frame =
  | {
      readonly kind: 'object';
      readonly into: Record<string, unknown>;
      /** 0: the file's object; 1: its `tables`; 2 and deeper are cut out, never framed. */
      readonly depth: 0 | 1;
      key: string | null;
      expect: 'key' | 'colon' | 'value' | 'next';
    }
  | { readonly kind: 'array'; readonly into: unknown[]; expect: 'first' | 'value' | 'next' };

interface Capture {
  readonly kind: 'key' | 'string' | 'nested' | 'scalar';
  readonly parts: string[];
  /** Where it begins in the whole text. */
  readonly at: number;
  depth: number;
  inString: boolean;
  escaped: boolean;
}

const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

function isEmptyObject(value: Record<string, unknown>): boolean {
  for (const _ in value) return false;
  return true;
}
