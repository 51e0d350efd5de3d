import fc from 'fast-check';
import { EMPLOYMENT_TYPES, type HrRecord } from '../../domain/hr-record';
import type { CurrentIdentity, IdentityStatus } from './current-identities';
import { diffHrRecords } from './diff-hr-records';
import { isEmptyChangeSet } from './hr-change-set';
import { importHrCsv } from './import-hr-csv';
import { writeHrCsv } from './write-hr-csv';

const asOf = '2026-05-10';

// Text as HR systems send it: trimmed, possibly with commas, quotes, accents or line breaks inside.
const text = fc
  .string({ unit: fc.constantFrom('a', 'Z', 'é', ' ', ',', '"', '\n', '-', '1'), minLength: 1, maxLength: 8 })
  .map((value) => value.trim())
  .filter((value) => value.length > 0);
const optionalText = fc.oneof(fc.constant(''), text);
const isoDate = fc
  .record({ year: fc.integer({ min: 2000, max: 2030 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }) })
  .map(({ year, month, day }) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);

const personArbitrary = fc.record({
  givenName: text,
  familyName: text,
  localPart: fc.stringMatching(/^[a-z][a-z0-9]{0,8}(\.[a-z0-9]{1,4})?$/),
  department: optionalText,
  title: optionalText,
  location: optionalText,
  costCenter: optionalText,
  employmentType: fc.constantFrom(...EMPLOYMENT_TYPES),
  startDate: isoDate,
  status: fc.constantFrom<IdentityStatus>('pre-hire', 'active', 'on-leave', 'terminated'),
  leftActive: fc.boolean(),
  futureTermination: fc.option(fc.constantFrom('2026-06-30', '2027-01-31'), { nil: null }),
  division: fc.option(optionalText, { nil: undefined }),
  managerIndex: fc.option(fc.nat(), { nil: null }),
});

/**
 * A consistent snapshot: a terminated identity's record says it left (inactive, or a termination date
 * on or before asOf); everyone else has no termination or a future one. Managers point to an earlier
 * person (so no cycles) or to someone unknown.
 */
const snapshotArbitrary = fc.array(personArbitrary, { maxLength: 30 }).map((people) => {
  const snapshot = new Map<string, CurrentIdentity>();
  people.forEach((person, index) => {
    const employeeNumber = `E${index}`;
    const managerEmployeeNumber =
      person.managerIndex === null ? null : index === 0 ? `UNKNOWN${person.managerIndex}` : `E${person.managerIndex % index}`;
    const terminated = person.status === 'terminated';
    const record: HrRecord = {
      employeeNumber,
      attributes: {
        givenName: person.givenName,
        familyName: person.familyName,
        email: `${person.localPart}@example.com`,
        department: person.department,
        title: person.title,
        managerEmployeeNumber,
        location: person.location,
        costCenter: person.costCenter,
        employmentType: person.employmentType,
        custom: person.division === undefined ? {} : { division: person.division },
      },
      startDate: person.startDate,
      terminationDate: terminated
        ? person.startDate <= asOf
          ? asOf
          : person.startDate
        : person.futureTermination !== null && person.futureTermination >= person.startDate
          ? person.futureTermination
          : null,
      active: terminated ? person.leftActive && person.startDate <= asOf : true,
    };
    snapshot.set(employeeNumber, { record, status: person.status });
  });
  return snapshot;
});

/** A file has a cell for every custom column; an empty cell means the person has no such attribute. */
function withoutEmptyCustomValues(record: HrRecord): HrRecord {
  const custom = Object.fromEntries(Object.entries(record.attributes.custom).filter(([, value]) => value !== ''));
  return { ...record, attributes: { ...record.attributes, custom } };
}

describe('a file written from the current identities', () => {
  it('given any snapshot, when its own file is parsed and diffed against it, then nothing changes', () => {
    fc.assert(
      fc.property(snapshotArbitrary, fc.boolean(), (snapshot, complete) => {
        // Given
        const file = writeHrCsv([...snapshot.values()].map((identity) => identity.record));

        // When
        const result = importHrCsv(file, snapshot);
        const changes = diffHrRecords(result.accepted, snapshot, { asOf, complete, presentInFile: result.employeeNumbersInFile });

        // Then
        expect(result.rejected).toEqual([]);
        expect(result.accepted.map(withoutEmptyCustomValues)).toEqual(
          [...snapshot.values()].map((identity) => withoutEmptyCustomValues(identity.record)),
        );
        expect(changes).toEqual({ hires: [], rehires: [], movers: [], updates: [], leavers: [] });
        expect(isEmptyChangeSet(changes)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
