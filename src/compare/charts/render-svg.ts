// Vega-Lite spec → SVG with vega's headless renderer (no browser, no canvas). The SVG is embedded in the
// compare page as markup, so it is checked first: vega escapes the text it draws (partnership names come from
// documents), and this refuses anything that could run — a script, foreign HTML, an event handler, a link.
import { Parser } from 'htmlparser2';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { trusted, type SafeHtml } from '../../report/html/safe-html.ts';

export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none', logLevel: vega.Error });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

const FORBIDDEN_ELEMENTS = new Set(['script', 'foreignobject', 'iframe', 'object', 'embed', 'a', 'use', 'image', 'animate', 'set']);

/** The SVG as markup for the page, after checking it cannot run anything. Throws if it could. */
export function inertSvg(svg: string): SafeHtml {
  const problems: string[] = [];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (FORBIDDEN_ELEMENTS.has(name.toLowerCase())) problems.push(`<${name}>`);
        for (const [key, value] of Object.entries(attributes)) {
          if (/^on/i.test(key) || /href$/i.test(key) || /^\s*javascript:/i.test(value)) problems.push(`${name} ${key}`);
        }
      },
    },
    { xmlMode: true },
  );
  parser.write(svg);
  parser.end();
  if (problems.length) throw new Error(`chart SVG has active content (${problems.slice(0, 3).join(', ')}); not embedding it`);
  return trusted(svg);
}
