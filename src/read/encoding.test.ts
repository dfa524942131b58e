/**
 * The encodings Excel and WPS write, told apart from the first bytes and decoded as a stream.
 */
import { describe, expect, test } from 'vitest';
import { decodeText, detectEncoding, EncodingError, type TextEncodingName } from './encoding.js';

const TEXT = '区划代码,社区名称,户数\r\n341881001001,城东社区,"3,695"\r\n';
// GB18030 bytes, written by hand: 城东社区 in GBK, and U+0080 in the four-byte form that only GB18030 has.
const GB = Buffer.from([0xb3, 0xc7, 0xb6, 0xab, 0xc9, 0xe7, 0xc7, 0xf8, 0x81, 0x30, 0x81, 0x30]);

async function decode(bytes: Buffer, chunk = bytes.length || 1): Promise<{ text: string; name: TextEncodingName | undefined }> {
  let name: TextEncodingName | undefined;
  async function* chunks() {
    for (let i = 0; i < bytes.length; i += chunk) yield bytes.subarray(i, i + chunk);
  }
  let text = '';
  for await (const s of decodeText(chunks(), (n) => (name = n))) text += s;
  return { text, name };
}

describe('detected and decoded', () => {
  test.each([
    ['UTF-8', Buffer.from(TEXT, 'utf8')],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')])],
    ['UTF-16LE', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')])],
    ['UTF-16BE', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(TEXT, 'utf16le').swap16()])],
  ] as const)('%s, whole and a byte at a time', async (name, bytes) => {
    expect(await decode(bytes)).toEqual({ text: TEXT, name });
    expect(await decode(bytes, 1)).toEqual({ text: TEXT, name });
  });

  test('GB18030 (GBK and its four-byte sequences), whole and in chunks that cut characters', async () => {
    expect(await decode(GB)).toEqual({ text: '城东社区\u0080', name: 'GB18030' });
    expect(await decode(GB, 3)).toEqual({ text: '城东社区\u0080', name: 'GB18030' });
    // The 'gbk' label of Node 20 misses the four-byte form: the reason for gb18030.
    expect(new TextDecoder('gbk').decode(GB.subarray(8))).not.toBe('\u0080');
  });

  test('a long ASCII start does not decide: the first non-ASCII bytes do', async () => {
    const bytes = Buffer.concat([Buffer.from('id,name,kind\n'.repeat(500)), GB]);
    expect((await decode(bytes, 1000)).name).toBe('GB18030');
  });

  test('detectEncoding on its own: a cut UTF-8 character at the end of a partial head is still UTF-8', () => {
    const utf8 = Buffer.from('城东', 'utf8');
    expect(detectEncoding(utf8.subarray(0, 4), false)).toBe('UTF-8');
    expect(detectEncoding(utf8.subarray(0, 4), true)).toBe('GB18030');
    expect(detectEncoding(Buffer.from('plain'), true)).toBe('UTF-8');
  });
});

describe('refused, never replaced', () => {
  test('bytes valid in neither encoding', async () => {
    await expect(decode(Buffer.from([0x41, 0xff, 0xff, 0x42]))).rejects.toBeInstanceOf(EncodingError);
  });

  test('a file that starts as UTF-8 and turns into something else', async () => {
    const bytes = Buffer.concat([Buffer.from(`城东${'x'.repeat(70000)}`, 'utf8'), Buffer.from([0xb3, 0xc7])]);
    await expect(decode(bytes, 8192)).rejects.toThrow(/not UTF-8 after a start that was/);
  });

  test('a size limit', async () => {
    async function* chunks() {
      yield Buffer.from('abc');
      yield Buffer.from('def');
    }
    const run = async () => {
      for await (const _ of decodeText(
        chunks(),
        () => {},
        4,
        (n) => new RangeError(`over ${n}`),
      ))
        void _;
    };
    await expect(run()).rejects.toThrow('over 4');
  });
});
