/**
 * The icon screen of the submission kit (issue 11 §1): an SVG is accepted, shown (as an image only)
 * and zipped only when it is a small, self-contained, script-free SVG document. Strict XML through
 * `saxes` (no DOCTYPE at all, so no entity can be defined or expanded), then a walk over every
 * element, attribute, style text and processing instruction.
 */
import { SaxesParser, type SaxesAttributeNS, type SaxesTagNS } from 'saxes';

/** Largest icon accepted, in bytes (UTF-8): 100 KB. An icon is a few KB; more is a bitmap in disguise. */
export const MAX_ICON_BYTES = 100 * 1024;

export const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';

/** The screen's verdict: the SVG text (strict UTF-8, BOM removed) or one sentence saying why not. */
export type SvgScreenResult = { ok: true; svg: string } | { ok: false; reason: string };

/** Elements that run code, embed other documents or load resources (local names, lower-case). */
const REFUSED_ELEMENTS = new Set([
  'script',
  'foreignobject',
  'iframe',
  'embed',
  'object',
  'handler',
  'listener',
  'audio',
  'video',
  'canvas',
]);
/** Animation elements: they may not animate a link or an event handler into place. */
const ANIMATIONS = new Set(['set', 'animate', 'animatemotion', 'animatetransform', 'animatecolor']);
/** Attributes holding a URL that may only point inside the icon (`#id`). */
const LINK_ATTRIBUTES = new Set(['href', 'src']);

type DecoderCtor = new (
  label: string,
  options: { fatal: boolean; ignoreBOM?: boolean },
) => { decode(bytes: Uint8Array): string };
// TextDecoder/TextEncoder exist in browsers, workers and Node; the core's tsconfig has no DOM lib to type them.
const Decoder = (globalThis as unknown as { TextDecoder: DecoderCtor }).TextDecoder;
const Encoder = (globalThis as unknown as { TextEncoder: new () => { encode(s: string): Uint8Array } })
  .TextEncoder;

/** UTF-8 bytes of `text`. */
export function utf8(text: string): Uint8Array {
  return new Encoder().encode(text);
}

class Refused extends Error {}

/** `<tag>` at line N, for a reason. */
function at(parser: SaxesParser<{ xmlns: true; position: true }>): string {
  return `line ${parser.line}`;
}

/** Removes what browsers ignore inside a URL scheme (whitespace, control characters), lower-cased. */
function schemeText(value: string): string {
  let out = '';
  for (const ch of value) if (ch.charCodeAt(0) > 0x20) out += ch;
  return out.toLowerCase();
}

/** Why a piece of CSS (a `style` attribute or element) is refused, or null. */
function cssProblem(css: string): string | null {
  if (css.includes('\\')) return 'a CSS escape (\\), which can hide a URL';
  if (/@import/i.test(css)) return 'a CSS @import (an external style sheet)';
  if (/image-set\s*\(/i.test(css)) return 'a CSS image-set(), which loads external images';
  return urlProblem(css);
}

/** Why a `url(…)` in `text` is refused (anything but `url(#id)`), or null. */
function urlProblem(text: string): string | null {
  const re = /url\s*\(\s*(['"]?)\s*([^'")]*)/gi;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const target = (m[2] ?? '').trim();
    if (!target.startsWith('#')) return `an external reference url(${target.slice(0, 60)})`;
  }
  return null;
}

/** Why one attribute is refused, or null. */
function attributeProblem(tag: SaxesTagNS, a: SaxesAttributeNS): string | null {
  const local = a.local.toLowerCase();
  const where = `<${tag.name}> attribute ${a.name}`;
  if (local.startsWith('on')) return `an event handler (${where})`;
  const scheme = schemeText(a.value);
  if (/(?:^|[^a-z])(?:java|vb)script:/.test(scheme)) return `a javascript: URL (${where})`;
  if (LINK_ATTRIBUTES.has(local) && !a.value.trim().startsWith('#')) {
    if (scheme.startsWith('data:')) return `a data: URL (${where})`;
    return `an external reference (${where}="${a.value.trim().slice(0, 60)}"): only #id links are allowed`;
  }
  if (local === 'style') {
    const css = cssProblem(a.value);
    if (css) return `${css} (${where})`;
  } else {
    const url = urlProblem(a.value);
    if (url) return `${url} (${where})`;
  }
  if (ANIMATIONS.has(tag.local.toLowerCase()) && local === 'attributename') {
    const target = a.value
      .trim()
      .toLowerCase()
      .replace(/^[^:]*:/, '');
    if (LINK_ATTRIBUTES.has(target) || target.startsWith('on'))
      return `an animation of ${a.value.trim()} (<${tag.name}>)`;
  }
  return null;
}

/**
 * Screens an icon. `input` is the file's bytes (decoded as strict UTF-8; a UTF-8 BOM is dropped) or
 * text. Accepted only when all hold: at most {@link MAX_ICON_BYTES}; well-formed XML (namespaces
 * checked); no DOCTYPE (so no entity definitions: billion laughs and external entities cannot
 * start); no processing instruction but the XML declaration (an `xml-stylesheet` loads CSS); the
 * root is `svg` in the SVG namespace; no `script`, `foreignObject`, `iframe`, `embed`, `object`,
 * `handler`, `listener`, `audio`, `video` or `canvas` element in any namespace; no `on*` attribute;
 * `href`/`xlink:href`/`src` only as `#fragment`; no `javascript:`/`vbscript:` URL anywhere, no
 * `data:` link; `url(…)` in attributes and style only as `url(#…)`; no `@import`, `image-set()` or
 * CSS escape in style; no animation of a link or handler attribute. Stops at the first problem,
 * whose sentence names it and, for markup, its line. Never throws.
 */
export function screenSvg(input: string | Uint8Array): SvgScreenResult {
  let text: string;
  const size = typeof input === 'string' ? utf8(input).length : input.length;
  if (size > MAX_ICON_BYTES) {
    return {
      ok: false,
      reason: `The icon is ${Math.ceil(size / 1024).toLocaleString('en-US')} KB; the limit is ${MAX_ICON_BYTES / 1024} KB`,
    };
  }
  if (typeof input === 'string') text = input.replace(/^\uFEFF/, '');
  else {
    try {
      text = new Decoder('utf-8', { fatal: true }).decode(input);
    } catch {
      return { ok: false, reason: 'The icon is not UTF-8 text (save the SVG as UTF-8)' };
    }
  }
  if (text.trim() === '') return { ok: false, reason: 'The icon file is empty' };
  const parser = new SaxesParser({ xmlns: true, position: true });
  let root = true;
  let inStyle = 0;
  parser.on('error', (e) => {
    throw new Refused(
      `The icon is not well-formed XML: ${e.message.replace(/^\d+:\d+: /, '')} (${at(parser)})`,
    );
  });
  parser.on('doctype', () => {
    throw new Refused(`The icon has a DOCTYPE (${at(parser)}): entity definitions are not accepted`);
  });
  parser.on('processinginstruction', (pi) => {
    throw new Refused(`The icon has a processing instruction <?${pi.target}?> (${at(parser)})`);
  });
  parser.on('opentag', (tag) => {
    const local = tag.local.toLowerCase();
    if (root) {
      root = false;
      if (tag.local !== 'svg' || tag.uri !== SVG_NAMESPACE) {
        throw new Refused(
          `The root element is <${tag.name}>${tag.uri ? ` in ${tag.uri}` : ''}, not <svg> in the SVG namespace (add xmlns="${SVG_NAMESPACE}")`,
        );
      }
    }
    if (REFUSED_ELEMENTS.has(local))
      throw new Refused(`The icon has a <${tag.name}> element (${at(parser)})`);
    for (const a of Object.values(tag.attributes)) {
      const problem = attributeProblem(tag, a);
      if (problem) throw new Refused(`The icon has ${problem} at ${at(parser)}`);
    }
    if (local === 'style') inStyle++;
  });
  // Style text is checked whole at </style>: a comment or CDATA boundary may split `@im<!---->port`.
  let css = '';
  parser.on('closetag', (tag) => {
    if (tag.local.toLowerCase() !== 'style') return;
    inStyle--;
    const problem = cssProblem(css);
    if (problem) throw new Refused(`The icon's <style> has ${problem} (${at(parser)})`);
    css = '';
  });
  const styleText = (t: string) => {
    if (inStyle > 0) css += t;
  };
  parser.on('text', styleText);
  parser.on('cdata', styleText);
  try {
    parser.write(text).close();
  } catch (e) {
    if (e instanceof Refused) return { ok: false, reason: e.message };
    return {
      ok: false,
      reason: `The icon could not be read as XML: ${e instanceof Error ? e.message : String(e)}`,
    };
  }
  return { ok: true, svg: text };
}
