import { Attribute, Change, type Entry } from 'ldapts';

/** The values of an attribute as strings, whatever case the server used for its name. */
export function stringValues(entry: Entry, name: string): string[] {
  return rawValues(entry, name).map((value) => (Buffer.isBuffer(value) ? value.toString('utf8') : value));
}

/** The values of an attribute as bytes (passwords are octet strings; a round trip through a string could change them). */
export function bufferValues(entry: Entry, name: string): Buffer[] {
  return rawValues(entry, name).map((value) => (Buffer.isBuffer(value) ? value : Buffer.from(value, 'utf8')));
}

export function firstValue(entry: Entry, name: string): string | null {
  return stringValues(entry, name)[0] ?? null;
}

function rawValues(entry: Entry, name: string): (string | Buffer)[] {
  const wanted = name.toLowerCase();
  const key = Object.keys(entry).find((candidate) => candidate.toLowerCase() === wanted && candidate !== 'dn');
  if (key === undefined) return [];
  const value = entry[key];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** Sets an attribute to exactly these values; no values removes it. */
export function replace(type: string, values: readonly string[] | readonly Buffer[]): Change {
  return new Change({ operation: 'replace', modification: new Attribute({ type, values: [...values] as string[] | Buffer[] }) });
}

export function addValue(type: string, value: string): Change {
  return new Change({ operation: 'add', modification: new Attribute({ type, values: [value] }) });
}

export function deleteValue(type: string, value: string): Change {
  return new Change({ operation: 'delete', modification: new Attribute({ type, values: [value] }) });
}
