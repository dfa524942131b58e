/**
 * The reference text reader of CSV, kept for the tests only: every CSV is read with the byte tokenizer
 * (`src/csv/tokenizer.ts`), which a property test holds to this one (the same rows, lines and messages on any
 * text, cut anywhere).
 *
 * A streaming CSV reader (RFC 4180: comma-separated, double-quoted fields,
 * "" for a quote inside quotes, CRLF or LF line ends). It keeps only the row
 * being read, so a file of a million rows never sits in memory, and it reads
 * each character once: linear time on any input, however many quotes.
 */

/** A CSV problem, with the line where it was found. */
export class CsvError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
    this.name = 'CsvError';
  }
}

/** One row and the line it started on (1-based, counting the header as line 1). */
export interface CsvRow {
  readonly line: number;
  readonly fields: string[];
}

const QUOTE = 34;
const COMMA = 44;
const CR = 13;
const LF = 10;

/** Push text in, take rows out. */
export class CsvParser {
  private field = '';
  private fields: string[] = [];
  /** 0 = start of field, 1 = unquoted, 2 = quoted, 3 = quote seen inside quotes, 4 = after CR */
  private state = 0;
  private line = 1;
  private rowLine = 1;
  private sawAny = false;

  push(text: string, out: CsvRow[]): void {
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      switch (this.state) {
        case 2: // inside quotes
          if (c === QUOTE) {
            this.field += text.slice(start, i);
            this.state = 3;
          } else if (c === LF) this.line++;
          continue;
        case 3: // a quote inside quotes: either "" or the closing quote
          if (c === QUOTE) {
            // "" inside quotes: the second quote starts the next run of content.
            this.state = 2;
            start = i;
            continue;
          }
          if (c !== COMMA && c !== LF && c !== CR) {
            throw new CsvError(this.line, `a quoted field must end at a comma or a line end, found ${JSON.stringify(text[i])} after its closing quote`);
          }
          this.state = 1;
          start = i;
          break;
        case 4: // after CR
          this.state = 0;
          if (c === LF) {
            start = i + 1;
            continue;
          }
          break;
      }
      // states 0 and 1
      if (c === COMMA) {
        this.field += text.slice(start, i);
        this.fields.push(this.field);
        this.field = '';
        this.state = 0;
        start = i + 1;
      } else if (c === LF || c === CR) {
        this.field += text.slice(start, i);
        this.endRow(out);
        this.line++;
        this.rowLine = this.line;
        this.state = c === CR ? 4 : 0;
        start = i + 1;
      } else if (c === QUOTE) {
        if (this.state === 0 && this.field === '' && start === i) {
          this.state = 2;
          this.sawAny = true;
          start = i + 1;
        } else {
          throw new CsvError(this.line, 'a quote inside an unquoted field; put the whole field in quotes and write a quote as ""');
        }
      } else {
        this.state = 1;
        this.sawAny = true;
      }
    }
    // What is left of the chunk belongs to the current field, unless a closing quote or a CR ended it.
    if (this.state !== 3 && this.state !== 4) this.field += text.slice(start);
  }

  end(out: CsvRow[]): void {
    if (this.state === 2) throw new CsvError(this.rowLine, 'a quoted field is not closed before the end of the file');
    if (this.field !== '' || this.fields.length > 0) this.endRow(out);
  }

  private endRow(out: CsvRow[]): void {
    this.fields.push(this.field);
    const blank = this.fields.length === 1 && this.fields[0] === '';
    if (!blank) out.push({ line: this.rowLine, fields: this.fields });
    this.fields = [];
    this.field = '';
  }

  /** Whether any non-empty content was read. */
  get empty(): boolean {
    return !this.sawAny;
  }
}
