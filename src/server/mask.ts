/**
 * Masking for anything the outbound door logs or returns as text (issue 10 §1: secrets never
 * logged). Two layers: the known secret values of the request (and the forms they take inside a
 * URL), then any query value whose name looks secret, for values the door cannot know (a token a
 * redirect put in its Location, a key the API echoes).
 */

/** What a masked value shows. Same as the core's mask. */
export const MASK = '••••';

/** Query parameter names whose values are masked whatever they hold. */
const SECRET_NAME =
  /(token|key|secret|passw|pwd|signature|^sig$|auth|code|credential|session|cookie|ticket|assertion|jwt)/i;

/**
 * The forms a secret takes in text: as is, URL-encoded (`encodeURIComponent`, `encodeURI`),
 * form-encoded (space as +), and as a WHATWG URL serialises it in a path and in a query.
 */
function variants(secret: string): string[] {
  const out = new Set<string>([secret]);
  const tryAdd = (make: () => string) => {
    try {
      out.add(make());
    } catch {
      // A lone surrogate cannot be URL-encoded: only the raw form can then appear.
    }
  };
  tryAdd(() => encodeURIComponent(secret));
  tryAdd(() => encodeURIComponent(secret).replace(/%20/g, '+'));
  tryAdd(() => encodeURI(secret));
  tryAdd(() => new URL(`http://x.test/?${secret}`).search.slice(1));
  tryAdd(() => new URL(`http://x.test/${secret.replace(/[/?#]/g, encodeURIComponent)}`).pathname.slice(1));
  tryAdd(() => new URLSearchParams({ v: secret }).toString().slice(2));
  return [...out].filter((v) => v.length > 0);
}

/**
 * `text` with every secret value (raw, URL-encoded or form-encoded), every query value whose
 * parameter name looks secret (token, key, secret, password, signature, auth, code, session, …)
 * and the credential after `Basic ` / `Bearer ` replaced by `••••`. Longer secrets are replaced
 * first, so a secret that contains another is masked whole. Never throws.
 */
export function maskForLog(text: string, secrets: readonly string[]): string {
  let out = String(text);
  const all = secrets
    .filter((s) => typeof s === 'string' && s.length > 0)
    .flatMap(variants)
    .sort((a, b) => b.length - a.length);
  for (const s of all) out = out.split(s).join(MASK);
  out = out.replace(
    /([?&;#])([^=&#\s"'<>]*)=([^&#\s"'<>]*)/g,
    (whole, sep: string, name: string, value: string) => {
      let decoded = name;
      try {
        decoded = decodeURIComponent(name.replace(/\+/g, ' '));
      } catch {
        // Keep the raw name: a malformed escape still gets the name test.
      }
      return value !== '' && SECRET_NAME.test(decoded) ? `${sep}${name}=${MASK}` : whole;
    },
  );
  return out.replace(/\b(Basic|Bearer)\s+(?!••••)[A-Za-z0-9._~+/=-]+/g, `$1 ${MASK}`);
}
