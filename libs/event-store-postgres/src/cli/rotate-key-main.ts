/**
 * Rotates the master key of personal data (docs/personal-data.md, "Rotating the master key"):
 *   PERSONAL_DATA_KEY=<current> NEW_PERSONAL_DATA_KEY=<new> npm run personal-data:rotate-key
 * Rewraps every live per-person key from PERSONAL_DATA_KEY to NEW_PERSONAL_DATA_KEY in one transaction.
 * Both keys come from the environment, never from the command line (shell history, `ps`); nothing
 * printed holds key material. Beside `npm start` in development, without PERSONAL_DATA_KEY, the current
 * key is the one in the data directory's key file, and the new key replaces it there after the commit.
 * DATABASE_URL names the PostgreSQL of the event store (without it, the embedded one of `npm start`).
 * Exit code: 0 rotated, 1 refused (the current key does not open a stored key, or the new key is the same),
 * 2 usage or setup error.
 */
import {
  locatePersonalDataMasterKey,
  MasterKeyRotationRefused,
  PERSONAL_DATA_KEY_PREVIOUS_VARIABLE,
  PERSONAL_DATA_KEY_VARIABLE,
  personalDataKeyFromText,
  personalDataKeySchema,
  prepareDevelopmentKeyFile,
  rotateMasterKey,
  type LocatedPersonalDataMasterKey,
  type MasterKeyRotation,
} from '@tenure/personal-data';
import { ConfigurationError } from '@tenure/platform';
import { Pool } from 'pg';
import { commandDatabaseUrl, NO_DATABASE } from './database-url';

/** The variable that holds the new master key. */
export const NEW_PERSONAL_DATA_KEY_VARIABLE = 'NEW_PERSONAL_DATA_KEY';

const USAGE = `usage: ${PERSONAL_DATA_KEY_VARIABLE}=<current key> ${NEW_PERSONAL_DATA_KEY_VARIABLE}=<new key> npm run personal-data:rotate-key`;

export async function main(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  out: NodeJS.WritableStream = process.stdout,
  err: NodeJS.WritableStream = process.stderr,
  cwd = process.cwd(),
): Promise<number> {
  // An argument is never echoed: it may well be a key pasted where it does not belong.
  if (argv.length > 0) {
    return usage(
      `${argv.length} argument(s) given, none expected: the keys are read from ${PERSONAL_DATA_KEY_VARIABLE} and ${NEW_PERSONAL_DATA_KEY_VARIABLE} only, ` +
        'never from the command line (it stays in the shell history and shows in `ps`)',
    );
  }
  if (env[PERSONAL_DATA_KEY_PREVIOUS_VARIABLE]) {
    return usage(
      `${PERSONAL_DATA_KEY_PREVIOUS_VARIABLE} is set: it is for the services during the rotation window; this command takes the key the ` +
        `stored keys are wrapped with now in ${PERSONAL_DATA_KEY_VARIABLE} and the new one in ${NEW_PERSONAL_DATA_KEY_VARIABLE}. Unset it here`,
    );
  }
  let current: LocatedPersonalDataMasterKey | null;
  try {
    current = locatePersonalDataMasterKey(env, cwd);
  } catch (error) {
    if (error instanceof ConfigurationError) return usage(error.problems.join('; '));
    throw error;
  }
  if (!current) {
    return usage(
      `no current master key: set ${PERSONAL_DATA_KEY_VARIABLE} to the master key the stored keys are wrapped with ` +
        '(in development, run this beside `npm start`: its key file is used)',
    );
  }
  const newText = env[NEW_PERSONAL_DATA_KEY_VARIABLE];
  if (!newText)
    return usage(`${NEW_PERSONAL_DATA_KEY_VARIABLE} is not set: set it to the new master key, e.g. \`openssl rand -base64 32\``);
  const parsedNew = personalDataKeySchema.safeParse(newText);
  if (!parsedNew.success) return usage(`${NEW_PERSONAL_DATA_KEY_VARIABLE}: ${parsedNew.error.issues[0]!.message}`);
  const newKey = personalDataKeyFromText(parsedNew.data);

  const databaseUrl = await commandDatabaseUrl(env, cwd);
  if (!databaseUrl) return usage(NO_DATABASE);
  const pool = new Pool({ connectionString: databaseUrl, max: 1, connectionTimeoutMillis: 5_000 });
  pool.on('error', () => undefined);
  const keyFile = current.file;
  let prepared: ReturnType<typeof prepareDevelopmentKeyFile> | undefined;
  try {
    const { rows } = await pool.query(
      "SELECT 1 FROM information_schema.columns WHERE table_name = 'tenure_personal_data_keys' AND column_name = 'wrapped_at' AND table_schema = current_schema()",
    );
    if (rows.length === 0)
      return usage('tenure_personal_data_keys has no wrapped_at column: start a service once (it applies migration 5) and run again');

    let rotation: MasterKeyRotation;
    try {
      rotation = await rotateMasterKey(pool, {
        from: current.masterKey.key,
        to: newKey,
        // The new key file is written before the commit (a failure rolls the rotation back) and put in place after it.
        beforeCommit: keyFile ? () => void (prepared = prepareDevelopmentKeyFile(keyFile, newKey)) : undefined,
      });
    } catch (error) {
      prepared?.discard();
      if (!(error instanceof MasterKeyRotationRefused)) throw error;
      err.write(`refused: ${error.message}\n`);
      return 1;
    }
    out.write(describe(rotation));
    if (!keyFile) {
      out.write(
        `next: once every process runs with the new key as ${PERSONAL_DATA_KEY_VARIABLE}, remove ${PERSONAL_DATA_KEY_PREVIOUS_VARIABLE} from them\n`,
      );
      return 0;
    }
    try {
      prepared!.commit();
    } catch (error) {
      err.write(
        `the keys are now wrapped with ${NEW_PERSONAL_DATA_KEY_VARIABLE}, but ${keyFile} could not be replaced ` +
          `(${error instanceof Error ? error.message : String(error)}): put ${NEW_PERSONAL_DATA_KEY_VARIABLE} into it as {"key":"<base64>"} before \`npm start\` runs again\n`,
      );
      return 2;
    }
    out.write(`the new master key replaced the one in ${keyFile}: restart \`npm start\` so that its services take it\n`);
    return 0;
  } finally {
    await pool.end();
  }

  function usage(message: string): number {
    err.write(`${message}\n${USAGE}\n`);
    return 2;
  }
}

function describe(rotation: MasterKeyRotation): string {
  const notes = [
    `${rotation.alreadyWrapped} already wrapped with it`,
    ...(rotation.wrappedUnwrapped > 0 ? [`${rotation.wrappedUnwrapped} stored unwrapped, now wrapped`] : []),
    `${rotation.destroyed} destroyed, left as they are`,
  ];
  return `rewrapped ${rotation.rewrapped} personal data key(s) with the new master key (${notes.join('; ')})\n`;
}

if (require.main === module) {
  main(process.argv.slice(2), process.env).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`personal-data:rotate-key failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(2);
    },
  );
}
