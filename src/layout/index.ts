// Positioned words → lines → blocks in reading order → tables. Shared by the PDF ingester (text layer) and
// the OCR ingester (recognised word boxes); nothing in here knows which one it is serving.
export type * from './types.ts';
export { layoutPage } from './page-layout.ts';
export { layoutDocument, finishDocument, type LayoutOptions } from './document-layout.ts';
export { layoutToBlocks } from './to-document.ts';
export { groupBands, makeLine, linesOf } from './lines.ts';
export { cellText } from './join-tables.ts';
