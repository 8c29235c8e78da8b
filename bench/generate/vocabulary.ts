// Words the synthetic plans are made of: real indicator codes and titles (NI from the shipped catalogue, Best
// Value and local indicators as plans wrote them), made-up partnerships, districts, people and prose.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { MeasureKind } from './figures.ts';

export interface IndicatorDef {
  code: string;
  /** The number as a BVPI column writes it bare ("82a"). */
  bare: string;
  title: string;
  measure: MeasureKind;
}

/** What a title suggests the figures are: a crude reading, enough to make the units plausible. */
function measureOf(title: string): MeasureKind {
  if (/co2|per capita/i.test(title)) return 'tonnes per capita';
  if (/residual household waste|\bkg\b/i.test(title)) return 'kg';
  if (/working days|days lost|time to re-let|average time|processing of/i.test(title)) return 'days';
  if (/per 1,000|crime rate|offending rate|conception rate/i.test(title)) return 'per 1,000';
  if (/^number of|homes|registration|fires/i.test(title)) return 'count';
  if (/rate$/i.test(title)) return 'rate';
  return '%';
}

const CATALOGUE = fileURLToPath(new URL('../../data/ni-catalogue.tsv', import.meta.url));

export const NATIONAL: IndicatorDef[] = readFileSync(CATALOGUE, 'utf8')
  .split('\n')
  .slice(1)
  .filter((l) => l.trim())
  .map((l) => {
    const [code, title] = l.split('\t');
    return { code, bare: code.slice(3), title, measure: measureOf(title) };
  });

const BV_TITLES: Array<[string, string, MeasureKind]> = [
  ['8', 'Invoices paid within 30 days of receipt', '%'],
  ['9', 'Council tax collected in the year', '%'],
  ['12', 'Working days lost to sickness absence per employee', 'days'],
  ['78a', 'Average time to process new housing benefit claims', 'days'],
  ['82a', 'Household waste recycled', '%'],
  ['82b', 'Household waste composted', '%'],
  ['84a', 'Kilograms of household waste collected per head', 'kg'],
  ['109a', 'Major planning applications determined within 13 weeks', '%'],
  ['126', 'Domestic burglaries per 1,000 households', 'per 1,000'],
  ['156', 'Council buildings accessible to disabled people', '%'],
  ['199', 'Land with unacceptable levels of litter and detritus', '%'],
  ['212', 'Average time taken to re-let council homes', 'days'],
];
export const BEST_VALUE: IndicatorDef[] = BV_TITLES.map(([bare, title, measure]) => ({ code: `BV ${bare}`, bare, title, measure }));

const LOCAL_TITLES: Array<[string, MeasureKind]> = [
  ['Older people who say they get the help they need to live independently', '%'],
  ['Households within easy reach of a GP surgery by public transport', '%'],
  ['Visits to libraries and museums per 1,000 population', 'per 1,000'],
  ['Young people taking part in organised sport each week', '%'],
  ['Empty homes brought back into use', 'count'],
  ['Average days to re-let sheltered housing', 'days'],
  ['Residents satisfied with their neighbourhood as a place to live', '%'],
  ['Grant funding secured by the voluntary sector', 'gbp'],
  ['Streets at an acceptable standard of cleanliness', '%'],
  ['Schools with an active travel plan', 'ratio'],
  ['Fly-tipping incidents cleared within one working day', '%'],
  ['Adults taking up community learning courses', 'count'],
];

/** Local codes as plans number them: "LI 2.1", "LI 5.1a", "LI 14". */
export function localIndicator(major: number, minor: number | null, suffix: string, t: number): IndicatorDef {
  const bare = `${major}${minor === null ? '' : `.${minor}`}${suffix}`;
  const [title, measure] = LOCAL_TITLES[t % LOCAL_TITLES.length];
  return { code: `LI ${bare}`, bare, title, measure };
}

export const PARTNERSHIP_STEMS = [
  'Northmoor', 'Eastwell', 'Harbourside', 'Kestrelshire', 'Ashcombe', 'Brindley', 'Fenmarsh', 'Saltings', 'Wealdshire', 'Quarrybank',
  'Larkfield', 'Greyholme', 'Merton Vale', 'Oakhurst', 'Ridgeway', 'Coldharbour', 'Thornbury', 'Millbrook', 'Westhaven', 'Stonebridge',
];
export const PARTNERSHIP_KINDS = ['Local Strategic Partnership', 'Strategic Partnership', 'City Partnership', 'Borough Partnership', 'Together'];

export const DISTRICTS = [
  'Amberley Vale', 'Coldharbour', 'Wickstead', 'Oakhurst', 'Millbrook', 'Thornbury', 'Stonebridge', 'Fenton', 'Highcross', 'Lowfield', 'Marsham', 'Brookside',
];

export const THEMES = [
  'Safer Communities', 'Healthier Communities', 'Cleaner and Greener', 'Children and Young People', 'Economic Development',
  'Stronger Communities', 'Getting Around', 'Housing', 'Older People', 'Skills for Work',
];

export const PEOPLE = ['Priya Landau', 'Tom Achebe', 'Dawn Okafor', 'Ruth Mensah', 'Alan Pryce', 'Sunil Varma', 'Helen Marsh', 'Gareth Lloyd'];
export const AGENCIES = ['Borough Council', 'Primary Care Trust', 'Police Division', 'Fire and Rescue Service', 'County Council', 'CVS', 'Jobcentre Plus', 'Housing Association'];

/** Sentences without figures or codes: the narrative between the tables. */
export const PROSE = [
  'The theme group reviews progress each quarter and reports exceptions to the partnership board with a recovery plan.',
  'Partners have agreed to share data through the county observatory so that the same definitions are used in every return.',
  'Funding from the area based grant has been allocated to the projects most likely to move the indicators the board has prioritised.',
  'Lead officers will bring action plans for any measure that falls behind its trajectory to the next meeting of the executive.',
  'Residents told the partnership through the neighbourhood forums that these are the issues that matter most to them.',
  'The voluntary and community sector is represented on every theme group and has helped to shape the actions set out below.',
  'Where national data are revised, the partnership will re-base the trajectory and agree any change with Government Office.',
  'Progress will be published on the partnership website so that residents can see what has been achieved.',
];
