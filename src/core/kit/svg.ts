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
/**
 * Why an icon was refused, for the app to word in its language (`reason` is the English):
 * `too-large` {kb, limit}; `not-utf8`; `empty`; `not-xml` {error: the XML parser's words, line};
 * `doctype` {line}; `processing-instruction` {target, line}; `not-svg-root` {element, namespace ('' for
 * none), svgNamespace}; `element` {element, line}; `attribute` {problem, element, attribute, value,
 * line} and `style` {problem, value, line} (a `<style>` element), where `problem` is one of
 * `event-handler`, `javascript-url`, `data-url`, `external-link` (value: the link), `css-escape`,
 * `css-import`, `css-image-set`, `url` (value: the url's target), `animation` (value: the animated
 * attribute; no attribute); `unreadable` {error}.
 */
export type SvgRefusal =
  | 'too-large'
  | 'not-utf8'
  | 'empty'
  | 'not-xml'
  | 'doctype'
  | 'processing-instruction'
  | 'not-svg-root'
  | 'element'
  | 'attribute'
  | 'style'
  | 'unreadable';

export type SvgScreenResult =
  | { ok: true; svg: string }
  | { ok: false; reason: string; code: SvgRefusal; params: { [k: string]: string | number } };

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

class Refused extends Error {
  constructor(
    message: string,
    readonly code: SvgRefusal,
    readonly params: { [k: string]: string | number },
  ) {
    super(message);
  }
}

/** A problem of a piece of markup: its words and its code with the value it names. */
interface Problem {
  text: string;
  problem: string;
  value: string;
}

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
function cssProblem(css: string): Problem | null {
  if (css.includes('\\'))
    return { text: 'a CSS escape (\\), which can hide a URL', problem: 'css-escape', value: '' };
  if (/@import/i.test(css))
    return { text: 'a CSS @import (an external style sheet)', problem: 'css-import', value: '' };
  if (/image-set\s*\(/i.test(css))
    return { text: 'a CSS image-set(), which loads external images', problem: 'css-image-set', value: '' };
  return urlProblem(css);
}

/** Why a `url(…)` in `text` is refused (anything but `url(#id)`), or null. */
function urlProblem(text: string): Problem | null {
  const re = /url\s*\(\s*(['"]?)\s*([^'")]*)/gi;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const target = (m[2] ?? '').trim();
    if (!target.startsWith('#'))
      return {
        text: `an external reference url(${target.slice(0, 60)})`,
        problem: 'url',
        value: target.slice(0, 60),
      };
  }
  return null;
}

/** Why one attribute is refused, or null. */
function attributeProblem(tag: SaxesTagNS, a: SaxesAttributeNS): Problem | null {
  const local = a.local.toLowerCase();
  const where = `<${tag.name}> attribute ${a.name}`;
  if (local.startsWith('on'))
    return { text: `an event handler (${where})`, problem: 'event-handler', value: '' };
  const scheme = schemeText(a.value);
  if (/(?:^|[^a-z])(?:java|vb)script:/.test(scheme))
    return { text: `a javascript: URL (${where})`, problem: 'javascript-url', value: '' };
  if (LINK_ATTRIBUTES.has(local) && !a.value.trim().startsWith('#')) {
    if (scheme.startsWith('data:')) return { text: `a data: URL (${where})`, problem: 'data-url', value: '' };
    const value = a.value.trim().slice(0, 60);
    return {
      text: `an external reference (${where}="${value}"): only #id links are allowed`,
      problem: 'external-link',
      value,
    };
  }
  if (local === 'style') {
    const css = cssProblem(a.value);
    if (css) return { ...css, text: `${css.text} (${where})` };
  } else {
    const url = urlProblem(a.value);
    if (url) return { ...url, text: `${url.text} (${where})` };
  }
  if (ANIMATIONS.has(tag.local.toLowerCase()) && local === 'attributename') {
    const target = a.value
      .trim()
      .toLowerCase()
      .replace(/^[^:]*:/, '');
    if (LINK_ATTRIBUTES.has(target) || target.startsWith('on'))
      return {
        text: `an animation of ${a.value.trim()} (<${tag.name}>)`,
        problem: 'animation',
        value: a.value.trim(),
      };
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
      code: 'too-large',
      params: { kb: Math.ceil(size / 1024), limit: MAX_ICON_BYTES / 1024 },
    };
  }
  if (typeof input === 'string') text = input.replace(/^\uFEFF/, '');
  else {
    try {
      text = new Decoder('utf-8', { fatal: true }).decode(input);
    } catch {
      return {
        ok: false,
        reason: 'The icon is not UTF-8 text (save the SVG as UTF-8)',
        code: 'not-utf8',
        params: {},
      };
    }
  }
  if (text.trim() === '') return { ok: false, reason: 'The icon file is empty', code: 'empty', params: {} };
  const parser = new SaxesParser({ xmlns: true, position: true });
  let root = true;
  let inStyle = 0;
  parser.on('error', (e) => {
    const error = e.message.replace(/^\d+:\d+: /, '');
    throw new Refused(`The icon is not well-formed XML: ${error} (${at(parser)})`, 'not-xml', {
      error,
      line: parser.line,
    });
  });
  parser.on('doctype', () => {
    throw new Refused(
      `The icon has a DOCTYPE (${at(parser)}): entity definitions are not accepted`,
      'doctype',
      { line: parser.line },
    );
  });
  parser.on('processinginstruction', (pi) => {
    throw new Refused(
      `The icon has a processing instruction <?${pi.target}?> (${at(parser)})`,
      'processing-instruction',
      { target: pi.target ?? '', line: parser.line },
    );
  });
  parser.on('opentag', (tag) => {
    const local = tag.local.toLowerCase();
    if (root) {
      root = false;
      if (tag.local !== 'svg' || tag.uri !== SVG_NAMESPACE) {
        throw new Refused(
          `The root element is <${tag.name}>${tag.uri ? ` in ${tag.uri}` : ''}, not <svg> in the SVG namespace (add xmlns="${SVG_NAMESPACE}")`,
          'not-svg-root',
          { element: tag.name, namespace: tag.uri ?? '', svgNamespace: SVG_NAMESPACE },
        );
      }
    }
    if (REFUSED_ELEMENTS.has(local))
      throw new Refused(`The icon has a <${tag.name}> element (${at(parser)})`, 'element', {
        element: tag.name,
        line: parser.line,
      });
    for (const a of Object.values(tag.attributes)) {
      const problem = attributeProblem(tag, a);
      if (problem)
        throw new Refused(`The icon has ${problem.text} at ${at(parser)}`, 'attribute', {
          problem: problem.problem,
          element: tag.name,
          attribute: a.name,
          value: problem.value,
          line: parser.line,
        });
    }
    if (local === 'style') inStyle++;
  });
  // Style text is checked whole at </style>: a comment or CDATA boundary may split `@im<!---->port`.
  let css = '';
  parser.on('closetag', (tag) => {
    if (tag.local.toLowerCase() !== 'style') return;
    inStyle--;
    const problem = cssProblem(css);
    if (problem)
      throw new Refused(`The icon's <style> has ${problem.text} (${at(parser)})`, 'style', {
        problem: problem.problem,
        value: problem.value,
        line: parser.line,
      });
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
    if (e instanceof Refused) return { ok: false, reason: e.message, code: e.code, params: e.params };
    const error = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      reason: `The icon could not be read as XML: ${error}`,
      code: 'unreadable',
      params: { error },
    };
  }
  return { ok: true, svg: text };
}
