/** One problem per line that shares its employee number with another line; every occurrence is named. */
export function findDuplicateEmployeeNumbers(
  rows: readonly { readonly line: number; readonly employeeNumber: string | undefined }[],
): ReadonlyMap<number, string> {
  const linesByNumber = new Map<string, number[]>();
  for (const { line, employeeNumber } of rows) {
    if (!employeeNumber) continue;
    linesByNumber.set(employeeNumber, [...(linesByNumber.get(employeeNumber) ?? []), line]);
  }

  const problems = new Map<number, string>();
  for (const [employeeNumber, lines] of linesByNumber) {
    if (lines.length < 2) continue;
    for (const line of lines) {
      const others = lines.filter((other) => other !== line);
      problems.set(
        line,
        `employee_number "${employeeNumber}" also appears on line ${others.join(', ')}: each person must appear once, so every occurrence is held`,
      );
    }
  }
  return problems;
}
