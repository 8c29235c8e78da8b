// Every layout the generator writes, each a shape the extractor is meant to read.
import { districtsAsRows } from './districts-as-rows.ts';
import { labelledLines } from './labelled-lines.ts';
import { laaDelivery } from './laa-delivery.ts';
import { scorecard } from './scorecard.ts';
import type { Layout } from './shared.ts';
import { yearsAsRows } from './years-as-rows.ts';

export const LAYOUTS: Layout[] = [labelledLines, laaDelivery, scorecard, yearsAsRows, districtsAsRows];
export type { Layout, LayoutContext } from './shared.ts';
