// The legacy Word 97-2003 (.doc) ingester. Every OLE compound file comes here: Word documents are read (with
// LibreOffice → .docx when `useLibreOffice` is set and installed, else with word-extractor); password-protected
// Office files, legacy Excel and anything else in an OLE container are refused with a reason.
import type { PlanDocument } from '../../model/document.ts';
import { message, type Message, type StageResult } from '../../model/message.ts';
import { ingestWordPackage } from '../docx/index.ts';
import { documentMeta } from '../html/index.ts';
import { isOle, readOle, type OleFile } from '../office/ole.ts';
import { RejectedInput, type Ingester, type IngestOptions } from '../types.ts';
import { convertWithLibreOffice, findSoffice } from './libreoffice.ts';
import { readWord97 } from './word97.ts';

function passwordProtected(): RejectedInput {
  return new RejectedInput('password-protected Word/Excel file', 'save an unprotected copy');
}

/** Decide what an OLE file is; throws RejectedInput for everything but a readable Word 97+ document. */
export function inspectOle(bytes: Uint8Array): { ole: OleFile; needsConversion: boolean } {
  const ole = readOle(bytes);
  const names = new Set(ole.entries.map((e) => e.name));
  if (names.has('EncryptedPackage') || names.has('EncryptionInfo')) throw passwordProtected();
  const word = ole.entries.find((e) => e.name === 'WordDocument' && e.type === 2);
  if (!word) {
    if (names.has('Workbook') || names.has('Book')) {
      throw new RejectedInput('legacy Excel workbook (.xls)', 'save it as .xlsx (or CSV) and import that');
    }
    if (names.has('PowerPoint Document')) throw new RejectedInput('PowerPoint presentation', 'export the plan as PDF or Word and import that');
    throw new RejectedInput('OLE compound file that is not a Word document (no WordDocument stream)', 'save the plan from its program as .docx or PDF');
  }
  const fib = ole.read(word, 64);
  if (fib.length < 12) throw new RejectedInput('damaged Word document (no file information block)', 'open it in Word and save it as .docx');
  const dv = new DataView(fib.buffer, fib.byteOffset, fib.byteLength);
  const ident = dv.getUint16(0, true);
  const nFib = dv.getUint16(2, true);
  const flags = dv.getUint16(0x0a, true);
  if (flags & 0x0100) throw passwordProtected(); // fEncrypted
  // Word 6.0/95 (nFib < 101) stores text differently; only LibreOffice reads it.
  const needsConversion = ident !== 0xa5ec || nFib < 101;
  return { ole, needsConversion };
}

async function viaLibreOffice(bytes: Uint8Array, options: IngestOptions): Promise<StageResult<PlanDocument>> {
  const docx = await convertWithLibreOffice(bytes, { filter: 'docx:MS Word 2007 XML', inputExtension: 'doc', outputExtension: 'docx', timeoutMs: 120_000 });
  const result = await ingestWordPackage(docx, options, 'doc');
  const note = message('ingest:doc-libreoffice', 'info', `${options.fileName} was converted to .docx with LibreOffice before reading`, { file: options.fileName });
  return { value: result.value, messages: [note, ...result.messages] };
}

export const docIngester: Ingester = {
  format: 'doc',
  sniff: isOle,
  async ingest(bytes, options): Promise<StageResult<PlanDocument>> {
    const file = options.fileName;
    const { needsConversion } = inspectOle(bytes);
    const messages: Message[] = [];
    const soffice = options.useLibreOffice || needsConversion ? findSoffice() : null;
    if (soffice && (options.useLibreOffice || needsConversion)) {
      try {
        return await viaLibreOffice(bytes, options);
      } catch (error) {
        if (error instanceof RejectedInput) throw error;
        messages.push(message('ingest:doc-libreoffice-failed', 'warning', `${file}: LibreOffice conversion failed (${(error as Error).message}); reading the .doc directly`, { file }));
      }
    } else if (options.useLibreOffice) {
      messages.push(message('ingest:doc-no-libreoffice', 'info', `${file}: LibreOffice (soffice) is not installed; reading the .doc directly`, { file }));
    }
    if (needsConversion) {
      throw new RejectedInput('Word 6.0/95 document (older than Word 97)', 'open it in Word or LibreOffice and save it as .docx');
    }
    const read = await readWord97(bytes, file);
    if (!read.blocks.length) throw new RejectedInput('no text in the Word document', 'check the file is not empty; scanned pages need the OCR pipeline');
    const meta = documentMeta(read.blocks, null);
    return {
      value: { file, format: 'doc', contentHash: options.contentHash, title: meta.title, partnership: meta.partnership, blocks: read.blocks },
      messages: [...messages, ...read.messages],
    };
  },
};
