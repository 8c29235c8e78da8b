// A font used only for list bullets (Writer's OpenSymbol, Word's Symbol) holds nothing but bullets: real
// characters, not a broken Unicode mapping. Its words must reach the layout, or bulleted lines lose their
// marker and list items run together.
import { describe, expect, it } from 'vitest';
import { judgeText } from '../../../src/ingest/pdf/garbage.ts';

describe('fonts of bullets and symbols', () => {
  it('keeps a font of list bullets, check marks and arrows', () => {
    expect(judgeText('• • • • • • • • • • • • • • • • • • • • • • • •').garbage).toBe(false);
    expect(judgeText('○ ○ ○ ▪ ▪ ■ ◦ ◦ ✓ ✔ ➢ ➢ ► ► → → ● ● ● ● ● ● ●').garbage).toBe(false);
  });

  it('still refuses punctuation soup where words should be', () => {
    expect(judgeText('!"#$%& \'()*+, -./0 !"#$ %&\'( )*+, • • •').garbage).toBe(true);
  });
});
