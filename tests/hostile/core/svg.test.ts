/**
 * Hostile icons for the submission kit's SVG screen (issue 11 §1): every refusal class, each with
 * the reason the partner sees. The screen must refuse before anything is shown or zipped.
 */
import { describe, expect, it } from 'vitest';
import { MAX_ICON_BYTES, screenSvg } from '../../../src/core/index';

const NS = 'xmlns="http://www.w3.org/2000/svg"';
const XLINK = 'xmlns:xlink="http://www.w3.org/1999/xlink"';

const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE svg [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<svg ${NS}><text>&lol9;</text></svg>`;

describe('screenSvg refuses', () => {
  it.each<[string, string | Uint8Array, RegExp]>([
    [
      'billion laughs (entity expansion)',
      BILLION_LAUGHS,
      /DOCTYPE \(line \d+\): entity definitions are not accepted/,
    ],
    [
      'an external entity (XXE)',
      `<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg ${NS}>&x;</svg>`,
      /DOCTYPE/,
    ],
    [
      'a bare DOCTYPE',
      `<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd"><svg ${NS}/>`,
      /DOCTYPE/,
    ],
    ['an undefined entity', `<svg ${NS}>&lol;</svg>`, /not well-formed XML: undefined entity/],
    ['a script element', `<svg ${NS}><script>alert(1)</script></svg>`, /<script> element \(line 1\)/],
    [
      'a script in another namespace',
      `<svg ${NS} xmlns:h="http://www.w3.org/1999/xhtml"><h:script>alert(1)</h:script></svg>`,
      /<h:script> element/,
    ],
    ['upper-case SCRIPT', `<svg ${NS}><SCRIPT>alert(1)</SCRIPT></svg>`, /<SCRIPT> element/],
    [
      'foreignObject',
      `<svg ${NS}><foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject></svg>`,
      /<foreignObject> element/,
    ],
    ['<svg onload>', `<svg ${NS} onload="alert(1)"/>`, /event handler \(<svg> attribute onload\)/],
    [
      'an upper-case handler',
      `<svg ${NS}><rect ONCLICK="alert(1)"/></svg>`,
      /event handler \(<rect> attribute ONCLICK\)/,
    ],
    [
      '<a xlink:href="javascript:…">',
      `<svg ${NS} ${XLINK}><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>`,
      /javascript: URL \(<a> attribute xlink:href\)/,
    ],
    [
      'a javascript: URL hidden by whitespace and case',
      `<svg ${NS}><a href=" Java&#x09;Script:alert(1)"/></svg>`,
      /javascript: URL/,
    ],
    [
      '<image href="https://…">',
      `<svg ${NS}><image href="https://example.com/x.png"/></svg>`,
      /external reference \(<image> attribute href="https:\/\/example.com\/x.png"\)/,
    ],
    [
      '<use> of another file',
      `<svg ${NS} ${XLINK}><use xlink:href="sprites.svg#a"/></svg>`,
      /external reference/,
    ],
    [
      'a data: link',
      `<svg ${NS}><image href="data:image/svg+xml;base64,PHN2Zz4="/></svg>`,
      /data: URL \(<image> attribute href\)/,
    ],
    [
      'style url(http…)',
      `<svg ${NS}><rect style="fill: url(http://example.com/a.svg#g)"/></svg>`,
      /external reference url\(http:\/\/example.com\/a.svg#g\)/,
    ],
    [
      'an attribute url(http…)',
      `<svg ${NS}><rect filter="url('https://x.test/f.svg#f')"/></svg>`,
      /external reference url\(https:\/\/x.test\/f.svg#f\)/,
    ],
    [
      '<style> url(//…)',
      `<svg ${NS}><style>rect { fill: url(//x.test/a) }</style></svg>`,
      /<style> has an external reference url\(\/\/x.test\/a\)/,
    ],
    ['<style> @import', `<svg ${NS}><style>@import "https://x.test/a.css";</style></svg>`, /@import/],
    [
      '@import split by a comment',
      `<svg ${NS}><style>@im<!-- -->port "https://x.test/a.css";</style></svg>`,
      /@import/,
    ],
    [
      '@import in CDATA',
      `<svg ${NS}><style><![CDATA[@import url(https://x.test/a.css);]]></style></svg>`,
      /@import/,
    ],
    ['a CSS escape', `<svg ${NS}><rect style="fill: u\\72l(http://x.test/a)"/></svg>`, /CSS escape/],
    [
      'image-set()',
      `<svg ${NS}><style>rect { background: image-set("a.png" 1x) }</style></svg>`,
      /image-set/,
    ],
    [
      'an xml-stylesheet instruction',
      `<?xml-stylesheet href="https://x.test/a.css"?><svg ${NS}/>`,
      /processing instruction <\?xml-stylesheet\?>/,
    ],
    [
      'an animated link',
      `<svg ${NS}><a href="#x"><set attributeName="href" to="javascript:alert(1)"/></a></svg>`,
      /javascript: URL|animation of href/,
    ],
    [
      'an animated xlink:href',
      `<svg ${NS} ${XLINK}><a><animate attributeName="xlink:href" values="https://x.test"/></a></svg>`,
      /animation of xlink:href/,
    ],
    ['iframe, embed, object', `<svg ${NS}><iframe src="#x"/></svg>`, /<iframe> element/],
    ['a root that is not svg', `<html ${NS}/>`, /root element is <html>/],
    [
      'svg without the SVG namespace',
      '<svg/>',
      /not <svg> in the SVG namespace \(add xmlns="http:\/\/www.w3.org\/2000\/svg"\)/,
    ],
    [
      'svg in another namespace',
      '<svg xmlns="http://example.com/ns"/>',
      /in http:\/\/example.com\/ns, not <svg>/,
    ],
    ['malformed XML', `<svg ${NS}><g></svg>`, /not well-formed XML/],
    ['an unbound prefix', `<svg ${NS}><x:a/></svg>`, /unbound namespace prefix/],
    ['two roots', `<svg ${NS}/><svg ${NS}/>`, /only one root/],
    ['an empty file', '   \n', /empty/],
    ['a PNG', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), /not UTF-8/],
    ['UTF-16', new Uint8Array([0xff, 0xfe, 0x3c, 0x00, 0x73, 0x00, 0xff, 0xd8]), /not UTF-8/],
    [
      'invalid UTF-8 inside',
      new Uint8Array([
        ...new TextEncoder().encode(`<svg ${NS}><title>`),
        0xc3,
        0x28,
        ...new TextEncoder().encode('</title></svg>'),
      ]),
      /not UTF-8/,
    ],
  ])('%s', (_, svg, reason) => {
    const r = screenSvg(svg);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });

  it('a 5 MB file, quickly, before parsing', () => {
    const big = `<svg ${NS}>${'<rect width="1" height="1"/>'.repeat((5 * 1024 * 1024) / 28)}</svg>`;
    expect(big.length).toBeGreaterThan(5_000_000);
    const t = performance.now();
    const r = screenSvg(new TextEncoder().encode(big));
    expect(performance.now() - t).toBeLessThan(200);
    expect(r).toEqual({
      ok: false,
      reason: expect.stringMatching(/^The icon is 5,\d{3} KB; the limit is 100 KB$/) as string,
      code: 'too-large',
      params: { kb: expect.any(Number) as number, limit: 100 },
    });
  });

  it('the size limit is bytes, not characters', () => {
    const pad = (n: number) => `<svg ${NS}><title>${'é'.repeat(n)}</title></svg>`;
    const base = new TextEncoder().encode(pad(0)).length;
    const fits = Math.floor((MAX_ICON_BYTES - base) / 2);
    expect(screenSvg(pad(fits)).ok).toBe(true);
    expect(screenSvg(pad(fits + 1)).ok).toBe(false);
  });
});
