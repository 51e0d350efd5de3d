import { randomBytes } from 'node:crypto';
import { chmod, mkdir, open, readFile, rename, rm, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { CliError, ExitCode } from '../exit-codes';
import { type StoredCredentials, storedCredentialsSchema } from './credentials';

export const CREDENTIALS_FILE_NAME = 'credentials.json';
const DIRECTORY_MODE = 0o700;
const FILE_MODE = 0o600;

/**
 * The credentials file in the configuration directory: the directory is 0700 and the file 0600 (only the user
 * reads them), written atomically (a private temporary file renamed over the old one), validated when read.
 */
export class CredentialStore {
  constructor(readonly directory: string) {}

  get path(): string {
    return join(this.directory, CREDENTIALS_FILE_NAME);
  }

  /** The stored credentials; undefined when nobody signed in. Throws when the file is unsafe or damaged. */
  async read(): Promise<StoredCredentials | undefined> {
    let text: string;
    try {
      const info = await stat(this.path);
      if ((info.mode & 0o077) !== 0) {
        throw new CliError(
          `${this.path} can be read by other users (mode ${(info.mode & 0o777).toString(8)}), so it is not used: delete it with \`tenure logout\` and sign in again with \`tenure login\``,
          ExitCode.NOT_SIGNED_IN,
        );
      }
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw damaged(this.path, 'it is not JSON');
    }
    const parsed = storedCredentialsSchema.safeParse(json);
    if (!parsed.success)
      throw damaged(this.path, parsed.error.issues.map((issue) => `${issue.path.join('.') || 'file'}: ${issue.message}`).join('; '));
    return parsed.data;
  }

  async write(credentials: StoredCredentials): Promise<void> {
    const content = `${JSON.stringify(storedCredentialsSchema.parse(credentials), null, 2)}\n`;
    await mkdir(this.directory, { recursive: true, mode: DIRECTORY_MODE });
    // mkdir keeps the mode of a directory that already exists: tighten it, it is ours.
    await chmod(this.directory, DIRECTORY_MODE);
    const temporary = join(this.directory, `.${CREDENTIALS_FILE_NAME}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
    // 'wx': never through a file (or link) someone placed there; the mode applies from creation on.
    const file = await open(temporary, 'wx', FILE_MODE);
    try {
      await file.writeFile(content, 'utf8');
      await file.sync();
      await file.close();
      await rename(temporary, this.path);
    } catch (error) {
      await file.close().catch(() => undefined);
      await rm(temporary, { force: true });
      throw error;
    }
  }

  /** Forgets the credentials; true when there were some. */
  async delete(): Promise<boolean> {
    try {
      await unlink(this.path);
      return true;
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }
}

function damaged(path: string, problem: string): CliError {
  return new CliError(`${path} is damaged (${problem}): sign in again with \`tenure login\``, ExitCode.NOT_SIGNED_IN);
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}
