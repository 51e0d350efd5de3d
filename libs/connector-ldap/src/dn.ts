/**
 * Distinguished names (RFC 4514) built from user input and read back from member lists. Values are
 * escaped, never concatenated raw: a user name like `smith, john` or `a+b` names one entry, not two.
 */

/** One `type=value` pair of a relative distinguished name; `value` is unescaped. */
export interface Ava {
  readonly type: string;
  readonly value: string;
}

/** A DN as RDNs from the entry upwards; each RDN has one or more (multi-valued) pairs. */
export type ParsedDn = readonly (readonly Ava[])[];

const SPECIAL = new Set([',', '+', '"', '\\', '<', '>', ';', '=']);

/** Escapes an attribute value for use in a DN (RFC 4514 section 2.4). */
export function escapeDnValue(value: string): string {
  const chars = Array.from(value);
  return chars
    .map((char, position) => {
      const code = char.codePointAt(0) ?? 0;
      if (SPECIAL.has(char)) return `\\${char}`;
      if (code < 0x20 || code === 0x7f) return `\\${code.toString(16).padStart(2, '0')}`;
      const leading = position === 0 && (char === ' ' || char === '#');
      const trailing = position === chars.length - 1 && char === ' ';
      return leading || trailing ? `\\${char}` : char;
    })
    .join('');
}

/** `<type>=<escaped value>,<parent>` */
export function childDn(type: string, value: string, parent: string): string {
  return `${type}=${escapeDnValue(value)},${parent}`;
}

/** Parses a DN string; null when it is not a valid DN. */
export function parseDn(dn: string): ParsedDn | null {
  const rdns: Ava[][] = [];
  let current: Ava[] = [];
  let index = 0;
  const text = dn.trim();
  if (text === '') return [];
  while (index <= text.length) {
    const equals = text.indexOf('=', index);
    if (equals < 0) return null;
    const type = text.slice(index, equals).trim();
    if (!/^([A-Za-z][A-Za-z0-9-]*|\d+(\.\d+)*)$/.test(type)) return null;
    const parsed = readValue(text, equals + 1);
    if (!parsed) return null;
    current.push({ type, value: parsed.value });
    index = parsed.end;
    const separator = text[index];
    if (separator === undefined) {
      rdns.push(current);
      return rdns;
    }
    if (separator === ',' || separator === ';') {
      rdns.push(current);
      current = [];
    }
    index += 1;
  }
  return null;
}

function readValue(text: string, start: number): { value: string; end: number } | null {
  let index = start;
  while (text[index] === ' ') index += 1;
  if (text[index] === '"') return readQuotedValue(text, index + 1);
  const bytes: number[] = [];
  let trailingUnescapedSpaces = 0;
  while (index < text.length) {
    const char = text[index] as string;
    if (char === ',' || char === ';' || char === '+') break;
    if (char === '\\') {
      const hex = text.slice(index + 1, index + 3);
      if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
        bytes.push(parseInt(hex, 16));
        index += 3;
      } else {
        const escapedChar = text[index + 1];
        if (escapedChar === undefined) return null;
        bytes.push(...Buffer.from(escapedChar, 'utf8'));
        index += 2;
      }
      trailingUnescapedSpaces = 0;
      continue;
    }
    const codePoint = text.codePointAt(index) ?? 0;
    const symbol = String.fromCodePoint(codePoint);
    bytes.push(...Buffer.from(symbol, 'utf8'));
    trailingUnescapedSpaces = char === ' ' ? trailingUnescapedSpaces + 1 : 0;
    index += symbol.length;
  }
  const value = Buffer.from(bytes.slice(0, bytes.length - trailingUnescapedSpaces)).toString('utf8');
  return { value, end: index };
}

function readQuotedValue(text: string, start: number): { value: string; end: number } | null {
  let value = '';
  let index = start;
  while (index < text.length && text[index] !== '"') {
    if (text[index] === '\\') index += 1;
    value += text[index] ?? '';
    index += 1;
  }
  if (text[index] !== '"') return null;
  index += 1;
  while (text[index] === ' ') index += 1;
  return { value, end: index };
}

/**
 * A comparable form: types and values lower-cased, spacing and escaping made canonical. Good for
 * the case-insensitive naming attributes directories use (dc, ou, cn, uid, o).
 */
export function normalizeDn(dn: string): string | null {
  const parsed = parseDn(dn);
  if (!parsed) return null;
  return parsed
    .map((rdn) =>
      rdn
        .map((ava) => `${ava.type.toLowerCase()}=${escapeDnValue(ava.value.toLowerCase())}`)
        .sort()
        .join('+'),
    )
    .join(',');
}

/**
 * The value of the single `<type>=` RDN of `dn` when `dn` sits directly under `parent`
 * (`uid=alice,ou=people,...` under `ou=people,...` gives `alice`); null for anything else.
 */
export function childValue(dn: string, type: string, normalizedParent: string): string | null {
  const parsed = parseDn(dn);
  const first = parsed?.[0];
  if (!parsed || !first || first.length !== 1 || first[0]?.type.toLowerCase() !== type.toLowerCase()) return null;
  const parent = normalizeDn(
    parsed
      .slice(1)
      .map((rdn) => rdn.map((ava) => `${ava.type}=${escapeDnValue(ava.value)}`).join('+'))
      .join(','),
  );
  return parent === normalizedParent ? (first[0]?.value ?? null) : null;
}
