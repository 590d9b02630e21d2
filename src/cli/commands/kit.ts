import { open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import {
  buildKit,
  connectionSpecSchemaText,
  KIT_CATEGORIES,
  MAX_ICON_BYTES,
  SOURCE_MAX_LENGTH,
  type KitCheck,
} from '@core';
import { parseArgs } from '../args';
import { CliError, readText, warn } from '../io';

export const KIT_HELP = `Usage: spec-studio kit --spec <spec.json> --source <slug> --label <text> --description <text>
                       --category <key> --icon <icon.svg> --out <kit.zip>

Builds the submission kit for Adobe's review: a zip with exactly
  Sources/<slug>/Artifacts/<slug>-category.txt      the category key
  Sources/<slug>/Artifacts/<slug>-description.txt   the description
  Sources/<slug>/Artifacts/<slug>-icon.svg          the icon, screened
  Sources/<slug>/Artifacts/<slug>-label.txt         the label
  Sources/<slug>/Artifacts/<slug>-connectionSpec.json   the spec file, byte for byte
and prints those paths, one per line.
--source: 2–${SOURCE_MAX_LENGTH} lower-case letters a–z, digits and -, no - at either end, no --.
--category: one of ${KIT_CATEGORIES.map((c) => c.key).join(', ')}
  (Adobe's names such as "Marketing Automation" are read as their key).
--icon: an SVG of at most ${MAX_ICON_BYTES / 1024} KB, strict UTF-8, well-formed XML with an <svg> root in the SVG
  namespace; refused with a DOCTYPE, <script>, <foreignObject>, on* attributes, links other than
  #id, url(…) other than url(#id), @import, javascript: or data: URLs.
The spec must have no errors (spec-studio validate); advice about its uiAttributes (the category,
keys that do not follow the source name) goes to stderr as JSON lines.
The zip is written to a temporary file beside --out, then renamed: never half a kit.
Exit status: 0 when the kit was written; 2 for a refused kit or unusable input (one stderr line, no
zip written).`;

export const SCHEMA_HELP = `Usage: spec-studio schema

Prints the JSON Schema (draft-07) of a connection spec: the schema spec-studio validate and the app
check with, for other editors. The app's build serves the same file at
/schema/connection-spec.schema.json. In VS Code, map spec files to it in .vscode/settings.json:
  "json.schemas": [{ "fileMatch": ["*.connection-spec.json"], "url": "./connection-spec.schema.json" }]
(a "$schema" key in the spec works too, but it then goes to Adobe with the spec).
Exit status: 0.`;

const OPTIONS = ['spec', 'source', 'label', 'description', 'category', 'icon', 'out'] as const;

/** Reads the icon, at most one byte over the limit (a device or pipe never streams on). */
async function readIcon(path: string): Promise<Uint8Array> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new CliError(`${path}: is a directory, expected an SVG file`);
    if (info.isFile() && info.size > MAX_ICON_BYTES) {
      throw new CliError(
        `${path}: The icon is ${Math.ceil(info.size / 1024).toLocaleString('en-US')} KB; the limit is ${MAX_ICON_BYTES / 1024} KB`,
      );
    }
    const handle = await open(path, 'r');
    try {
      const buffer = Buffer.alloc(MAX_ICON_BYTES + 1);
      let length = 0;
      for (;;) {
        const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
        if (bytesRead === 0) break;
        length += bytesRead;
        if (length === buffer.length) {
          throw new CliError(`${path}: The icon is over the ${MAX_ICON_BYTES / 1024} KB limit`);
        }
      }
      return buffer.subarray(0, length);
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (error instanceof CliError) throw error;
    const code = (error as { code?: string }).code;
    throw new CliError(
      `${path}: ${code === 'ENOENT' ? 'no such file' : `cannot read (${code ?? String(error)})`}`,
    );
  }
}

/** The one stderr line of a refused kit: each failed check, the file it is about first. */
function refusal(failed: KitCheck[], spec: string, icon: string): string {
  const where: Record<KitCheck['id'], string> = {
    spec: `${spec}: `,
    uiAttributes: `${spec}: `,
    icon: `${icon}: `,
    source: '--source: ',
    label: '--label: ',
    description: '--description: ',
    category: '--category: ',
  };
  return `kit refused: ${failed.map((c) => `${where[c.id]}${c.message}`).join('; ')}`;
}

/** Writes `bytes` to `path` through a temporary file in the same folder and a rename. */
async function writeAtomically(path: string, bytes: Uint8Array): Promise<void> {
  const existing = await stat(path).catch(() => null);
  if (existing?.isDirectory()) throw new CliError(`${path}: is a directory, expected a .zip file name`);
  const folder = await stat(dirname(path)).catch(() => null);
  if (!folder?.isDirectory()) throw new CliError(`${path}: the folder ${dirname(path)} does not exist`);
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    const handle = await open(tmp, 'wx');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true });
    const code = (error as { code?: string }).code;
    throw new CliError(`${path}: cannot write (${code ?? String(error)})`);
  }
}

/** `spec-studio kit`: the submission kit, checked, as one zip. */
export async function runKit(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: Object.fromEntries(OPTIONS.map((o) => [o, { type: 'string' as const }])) as Record<
      (typeof OPTIONS)[number],
      { type: 'string' }
    >,
  });
  if (positionals.length)
    throw new CliError(`kit takes no file arguments (got ${positionals[0]}; see --help)`);
  const missing = OPTIONS.filter((o) => values[o] === undefined);
  if (missing.length) {
    throw new CliError(`kit needs ${missing.map((o) => `--${o}`).join(', ')} (see --help)`);
  }
  const v = values as Record<(typeof OPTIONS)[number], string>;
  const specText = (await readText(v.spec)).replace(/^\uFEFF/, '');
  if (specText.trim() === '') throw new CliError(`${v.spec}: empty file, expected JSON`);
  const icon = await readIcon(v.icon);
  const kit = buildKit({
    specText,
    source: v.source,
    label: v.label,
    description: v.description,
    category: v.category,
    icon,
  });
  if (!kit.ok) throw new CliError(refusal(kit.failed, v.spec, v.icon));
  for (const c of kit.checks) {
    if (c.status === 'warn')
      warn({ severity: 'warning', pointer: '', code: `kit-${c.id}`, message: c.message });
  }
  await writeAtomically(v.out, kit.zip);
  process.stdout.write(kit.files.map((f) => `${f.path}\n`).join(''));
  return 0;
}

/** `spec-studio schema`: the connection-spec JSON Schema on stdout. */
export async function runSchema(args: string[]): Promise<number> {
  if (args.length) throw new CliError('schema takes no arguments (see --help)');
  await new Promise<void>((resolve, reject) =>
    process.stdout.write(connectionSpecSchemaText(), (e) => (e ? reject(e) : resolve())),
  );
  return 0;
}
