/** The connection-spec JSON Schema as a file for other editors (`spec-studio schema`, the build's copy). */
import { connectionSpecSchema } from '../schemas/index';

/** Where the app's build serves the schema file. */
export const SCHEMA_FILE_PATH = 'schema/connection-spec.schema.json';

/**
 * `connectionSpecSchema` (draft-07, the schema `validate` checks with) as JSON text, two-space
 * indented, ending with a newline. `spec-studio schema` prints these bytes and the build ships them
 * at `/schema/connection-spec.schema.json`, so both are the same file.
 */
export function connectionSpecSchemaText(): string {
  return `${JSON.stringify(connectionSpecSchema, null, 2)}\n`;
}
