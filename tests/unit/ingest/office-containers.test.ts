import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { describe, expect, it } from 'vitest';
import { writeOle, writeZip } from '../../../scripts/fixtures/container-writers.ts';
import { docIngester } from '../../../src/ingest/doc/index.ts';
import { docxIngester, wordHeaderRows } from '../../../src/ingest/docx/index.ts';
import { readOle } from '../../../src/ingest/office/ole.ts';
import { checkZipBounds, readZipDirectory, readZipText, zipHasEntry } from '../../../src/ingest/office/zip.ts';
import { xlsxIngester } from '../../../src/ingest/sheet/xlsx.ts';
import { RejectedInput } from '../../../src/ingest/types.ts';

const options = { fileName: 'x', contentHash: 'h' };
const text = (s: string) => new Uint8Array(Buffer.from(s));

async function rejection(promise: Promise<unknown>): Promise<RejectedInput> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof RejectedInput) return error;
    throw error;
  }
  throw new Error('expected a RejectedInput');
}

describe('zip guard', () => {
  it('reads the central directory and small parts', () => {
    const zip = writeZip([{ name: 'a.xml', data: text('<a/>') }, { name: 'dir/b.txt', data: text('hello'), deflate: false }]);
    const entries = readZipDirectory(zip);
    expect(entries.map((e) => [e.name, e.uncompressedSize, e.method])).toEqual([['a.xml', 4, 8], ['dir/b.txt', 5, 0]]);
    expect(readZipText(zip, entries, 'a.xml')).toBe('<a/>');
    expect(zipHasEntry(zip, 'dir/b.txt')).toBe(true);
    expect(zipHasEntry(zip, 'xl/workbook.xml')).toBe(false);
    expect(() => checkZipBounds(zip, entries)).not.toThrow();
  });

  it('refuses by declared total, by ratio, and by real inflated size when the directory lies', () => {
    const declared = writeZip([{ name: 'a', data: text('x'), declaredSize: 300 * 1024 * 1024 }]);
    expect(() => checkZipBounds(declared, readZipDirectory(declared))).toThrow(/would inflate to more than 200 MB/);
    const small = writeZip([{ name: 'a', data: new Uint8Array(2 * 1024 * 1024) }]);
    expect(() => checkZipBounds(small, readZipDirectory(small), { maxInflatedBytes: 1024 * 1024 })).toThrow(/would inflate to more than 1.0 MB/);
    const dense = writeZip([{ name: 'word/document.xml', data: new Uint8Array(20 * 1024 * 1024) }]);
    expect(() => checkZipBounds(dense, readZipDirectory(dense))).toThrow(/compresses \d+:1 .* a zip bomb/);
    const lying = writeZip([{ name: 'a', data: new Uint8Array(1024 * 1024), declaredSize: 100 }]);
    expect(() => checkZipBounds(lying, readZipDirectory(lying))).toThrow(/inflates past its declared size/);
  });

  it('reports damage instead of throwing something else', () => {
    const zip = writeZip([{ name: 'a', data: text('abc') }]);
    expect(() => readZipDirectory(zip.subarray(0, zip.length - 30))).toThrow(RejectedInput);
    expect(() => readZipDirectory(new Uint8Array(10))).toThrow(/too short/);
  });
});

describe('OLE container', () => {
  it('lists streams and reads them', () => {
    const ole = readOle(writeOle([{ name: 'WordDocument', data: text('abc') }, { name: 'Data', data: new Uint8Array(9000).fill(7) }]));
    expect(ole.entries.map((e) => e.name)).toEqual(['Root Entry', 'WordDocument', 'Data']);
    const data = ole.entries.find((e) => e.name === 'Data')!;
    expect(ole.read(data).length).toBe(9000);
    expect(ole.read(data, 10)).toEqual(new Uint8Array(10).fill(7));
  });

  it('refuses password-protected, Excel and unknown OLE files with a reason', async () => {
    const encrypted = writeOle([{ name: 'EncryptionInfo', data: text('x') }, { name: 'EncryptedPackage', data: text('y') }]);
    expect(docIngester.sniff(encrypted)).toBe(true);
    expect((await rejection(docIngester.ingest(encrypted, options))).message).toBe('password-protected Word/Excel file — save an unprotected copy');
    // A Word 97 file with fEncrypted set in its file information block.
    const fib = Buffer.alloc(64);
    fib.writeUInt16LE(0xa5ec, 0);
    fib.writeUInt16LE(193, 2);
    fib.writeUInt16LE(0x0100, 0x0a);
    expect((await rejection(docIngester.ingest(writeOle([{ name: 'WordDocument', data: fib }]), options))).reason).toMatch(/password-protected/);
    expect((await rejection(docIngester.ingest(writeOle([{ name: 'Workbook', data: text('x') }]), options))).reason).toMatch(/legacy Excel/);
    expect((await rejection(docIngester.ingest(writeOle([{ name: 'Contents', data: text('x') }]), options))).reason).toMatch(/not a Word document/);
  });

  it('refuses a damaged Word stream rather than crashing', async () => {
    const fib = Buffer.alloc(1024);
    fib.writeUInt16LE(0xa5ec, 0);
    fib.writeUInt16LE(193, 2);
    const outcome = await rejection(docIngester.ingest(writeOle([{ name: 'WordDocument', data: fib }]), options));
    expect(outcome.reason).toMatch(/Word/);
  });
});

describe('Word packages', () => {
  it('routes zips by their parts: workbooks to xlsx, everything else to docx', () => {
    const workbook = writeZip([{ name: 'xl/workbook.xml', data: text('<workbook/>') }]);
    const other = writeZip([{ name: 'mimetype', data: text('application/vnd.oasis.opendocument.text'), deflate: false }]);
    expect(xlsxIngester.sniff(workbook)).toBe(true);
    expect(docxIngester.sniff(workbook)).toBe(false);
    expect(docxIngester.sniff(other)).toBe(true);
  });

  it('names what a non-Word zip is', async () => {
    const odt = writeZip([{ name: 'mimetype', data: text('application/vnd.oasis.opendocument.text'), deflate: false }, { name: 'content.xml', data: text('<x/>') }]);
    expect((await rejection(docxIngester.ingest(odt, options))).reason).toMatch(/OpenDocument text/);
  });

  it('takes header rows only where Word repeats them (mammoth reads w:val="false" as a header)', async () => {
    const row = (t: string, header?: boolean) => new TableRow({ children: [new TableCell({ children: [new Paragraph(t)] })], tableHeader: header });
    const doc = new Document({ sections: [{ children: [new Table({ rows: [row('Indicator', true), row('NI 1', false), row('NI 2', false)] })] }] });
    const bytes = new Uint8Array(await Packer.toBuffer(doc));
    const { value } = await docxIngester.ingest(bytes, options);
    const table = value.blocks.find((b) => b.kind === 'table');
    expect(table?.kind === 'table' && table.rows.map((r) => r.header)).toEqual([true, false, false]);
    expect(wordHeaderRows('<w:tbl><w:tr><w:trPr><w:tblHeader/></w:trPr></w:tr><w:tr/><w:tr><w:trPr><w:tblHeader/></w:trPr></w:tr></w:tbl>')).toEqual([[true, false, false]]);
  });
});
