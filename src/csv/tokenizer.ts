/**
 * A CSV tokenizer on bytes (RFC 4180: comma-separated, double-quoted fields,
 * "" for a quote inside quotes, CRLF, LF or CR line ends). Chunks of bytes go
 * in; each complete row comes out as the start and end of its fields in one
 * byte buffer, without making a string. Nothing is kept but the row being
 * read, so memory stays flat however long the file, and every byte is looked
 * at once: linear time on any input, however many quotes.
 *
 * It works on any encoding in which the bytes of `"`, `,`, CR and LF never
 * occur inside a multi-byte character: UTF-8, and GB18030/GBK too (a lead byte
 * is 0x81–0xFE; a trail byte is 0x40–0x7E or 0x80–0xFE in two-byte forms and
 * 0x30–0x39 or 0x81–0xFE in four-byte ones — never 0x22, 0x2C, 0x0D or 0x0A;
 * `tokenizer.test.ts` checks it against the built-in decoder). Decoding the
 * fields is the caller's business.
 */

/** A CSV problem, with the line where it was found (1-based). */
export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
    this.name = 'CsvSyntaxError';
  }
}

/** Where the tokenizer hands its rows. */
export interface CsvRowSink {
  /**
   * One row: field `i` is `buf[start[i] … end[i])`, quotes removed and `""`
   * unescaped. `line` is where the row starts. The buffer and the arrays are
   * reused after the call returns: copy what you keep.
   */
  row(buf: Uint8Array, start: Int32Array, end: Int32Array, count: number, line: number): void;
}

/** Limits of {@link CsvTokenizer}. */
export interface CsvLimits {
  /** Longest row accepted, bytes (default 1 MiB). */
  readonly maxRowBytes?: number;
  /** Most fields in a row (default 4,096). */
  readonly maxFields?: number;
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const CR = 0x0d;
const LF = 0x0a;

enum State {
  FieldStart,
  Unquoted,
  Quoted,
  /** A quote inside quotes: either the first of "" or the closing one. */
  QuoteSeen,
  /** A CR ended the row: a LF right after it belongs to the same line end. */
  AfterCr,
}

/** The character at `buf[i]` for a message (a UTF-8 sequence is decoded whole). */
function charAt(buf: Uint8Array, i: number, len: number): string {
  return JSON.stringify(new TextDecoder().decode(buf.subarray(i, Math.min(i + charLength(buf[i]!), len))));
}
const charLength = (lead: number) => (lead < 0x80 ? 1 : lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2);
const afterQuote = (c: string) => `a quoted field must end at a comma or a line end, found ${c} after its closing quote`;

/** Push bytes in, rows come out through the sink. */
export class CsvTokenizer {
  private buf: Uint8Array;
  /** Bytes filled in `buf`. */
  private len = 0;
  /** Where the current row starts in `buf`. */
  private rowStart = 0;
  /** Next byte to look at. */
  private pos = 0;
  private state = State.FieldStart;
  private fieldStart = 0;
  /** Write position of a quoted field being unescaped in place. */
  private w = 0;
  private count = 0;
  private readonly start: Int32Array;
  private readonly end: Int32Array;
  private line = 1;
  private rowLine = 1;
  private readonly maxRowBytes: number;
  private readonly maxFields: number;

  constructor(
    private readonly sink: CsvRowSink,
    limits: CsvLimits = {},
  ) {
    this.maxRowBytes = limits.maxRowBytes ?? 1 << 20;
    this.maxFields = limits.maxFields ?? 4096;
    this.start = new Int32Array(this.maxFields);
    this.end = new Int32Array(this.maxFields);
    this.buf = new Uint8Array(1 << 16);
  }

  /** Bytes of the file read so far. */
  private consumed = 0;

  /** Read a chunk of bytes; complete rows go to the sink before this returns. */
  push(chunk: Uint8Array): void {
    if (this.len + chunk.length > this.buf.length) this.makeRoom(chunk.length);
    this.buf.set(chunk, this.len);
    this.len += chunk.length;
    this.consumed += chunk.length;
    this.scan();
    if (this.len - this.rowStart > this.maxRowBytes) this.tooLong();
  }

  private tooLong(): never {
    throw new CsvSyntaxError(this.rowLine, `a row longer than ${this.maxRowBytes} bytes; is this a CSV of communities?`);
  }

  /** The end of the input: the last row, if it has no line end. */
  finish(): void {
    switch (this.state) {
      case State.Quoted:
        throw new CsvSyntaxError(this.rowLine, 'a quoted field is not closed before the end of the file');
      case State.QuoteSeen:
        if (this.pos < this.len) throw new CsvSyntaxError(this.line, afterQuote(charAt(this.buf, this.pos, this.len)));
        this.field(this.fieldStart, this.w);
        this.emit(this.len);
        break;
      case State.Unquoted:
        this.field(this.fieldStart, this.len);
        this.emit(this.len);
        break;
      case State.FieldStart:
        if (this.count > 0) {
          this.field(this.len, this.len);
          this.emit(this.len);
        }
        break;
      default:
        break;
    }
    this.state = State.FieldStart;
    this.count = 0;
    this.rowStart = this.pos = this.len;
  }

  /** Move the current row to the front of the buffer (or a larger one) to make room for `more` bytes. */
  private makeRoom(more: number): void {
    const shift = this.rowStart;
    const keep = this.len - shift;
    if (keep + more > this.buf.length) {
      let size = this.buf.length * 2;
      while (size < keep + more) size *= 2;
      const next = new Uint8Array(size);
      next.set(this.buf.subarray(shift, this.len));
      this.buf = next;
    } else {
      this.buf.copyWithin(0, shift, this.len);
    }
    this.len = keep;
    this.rowStart = 0;
    this.pos -= shift;
    this.fieldStart -= shift;
    this.w -= shift;
    for (let i = 0; i < this.count; i++) {
      this.start[i]! -= shift;
      this.end[i]! -= shift;
    }
  }

  private field(s: number, e: number): void {
    if (this.count === this.maxFields) throw new CsvSyntaxError(this.rowLine, `more than ${this.maxFields} fields in a row`);
    this.start[this.count] = s;
    this.end[this.count] = e;
    this.count++;
  }

  /** The row ends before `pos`. */
  private emit(pos: number): void {
    if (pos - this.rowStart > this.maxRowBytes) this.tooLong();
    // A blank line (one empty unquoted or quoted field) is not a row.
    if (!(this.count === 1 && this.start[0] === this.end[0])) this.sink.row(this.buf, this.start, this.end, this.count, this.rowLine);
    this.count = 0;
  }

  private scan(): void {
    const buf = this.buf;
    const len = this.len;
    let pos = this.pos;
    let state = this.state;
    let fieldStart = this.fieldStart;
    let w = this.w;
    scan: while (pos < len) {
      switch (state) {
        case State.AfterCr:
          if (buf[pos] === LF) pos++;
          this.rowStart = pos;
          state = State.FieldStart;
          continue;
        case State.FieldStart:
          if (buf[pos] === QUOTE) {
            state = State.Quoted;
            fieldStart = w = ++pos;
            continue;
          }
          state = State.Unquoted;
          fieldStart = pos;
        // falls through
        case State.Unquoted: {
          let c = 0;
          while (pos < len) {
            c = buf[pos]!;
            if (c === COMMA || c === LF || c === CR || c === QUOTE) break;
            pos++;
          }
          if (pos === len) break;
          if (c === QUOTE) {
            throw new CsvSyntaxError(this.line, 'a quote inside an unquoted field; put the whole field in quotes and write a quote as ""');
          }
          this.field(fieldStart, pos);
          pos++;
          if (c === COMMA) state = State.FieldStart;
          else {
            this.emit(pos);
            this.line++;
            this.rowLine = this.line;
            state = c === CR ? State.AfterCr : State.FieldStart;
            this.rowStart = pos;
          }
          continue;
        }
        case State.Quoted: {
          while (pos < len) {
            const c = buf[pos]!;
            if (c === QUOTE) break;
            if (c === LF) this.line++;
            buf[w++] = c;
            pos++;
          }
          if (pos === len) break;
          pos++;
          state = State.QuoteSeen;
          continue;
        }
        case State.QuoteSeen: {
          const c = buf[pos]!;
          if (c === QUOTE) {
            buf[w++] = QUOTE;
            pos++;
            state = State.Quoted;
            continue;
          }
          if (c !== COMMA && c !== LF && c !== CR) {
            if (pos + charLength(c) > len) break scan; // the rest of the character is in the next chunk: name it whole
            throw new CsvSyntaxError(this.line, afterQuote(charAt(buf, pos, len)));
          }
          this.field(fieldStart, w);
          pos++;
          if (c === COMMA) state = State.FieldStart;
          else {
            this.emit(pos);
            this.line++;
            this.rowLine = this.line;
            state = c === CR ? State.AfterCr : State.FieldStart;
            this.rowStart = pos;
          }
          continue;
        }
      }
    }
    this.pos = pos;
    this.state = state;
    this.fieldStart = fieldStart;
    this.w = w;
    if (state === State.FieldStart && this.count === 0) this.rowStart = pos;
  }
}
