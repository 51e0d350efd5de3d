import { Field, ID, Int, ObjectType } from 'type-graphql';
import { HrImportRunStatus } from './hr-import-run-status.enum';

@ObjectType({ description: 'What a run did, by kind of change; applied changes only (zero while held).' })
export class HrImportRunCounts {
  @Field(() => Int, { description: 'Data rows in the file.' })
  rows!: number;

  @Field(() => Int, { description: 'Rows that passed validation.' })
  accepted!: number;

  @Field(() => Int, { description: 'Rows refused before any change (see rejectedRecords); corrections do not lower it.' })
  rejected!: number;

  @Field(() => Int, { description: 'Rejected rows an administrator corrected since (correctHrImportRecord).' })
  corrected!: number;

  @Field(() => Int)
  hires!: number;

  @Field(() => Int)
  rehires!: number;

  @Field(() => Int)
  movers!: number;

  @Field(() => Int)
  updates!: number;

  @Field(() => Int)
  leavers!: number;

  @Field(() => Int, { description: 'Changes the identity refused (see failedChanges).' })
  failed!: number;
}

@ObjectType({ description: 'One column of a CSV row as the file had it.' })
export class HrImportRawValue {
  @Field({ description: 'The column header.' })
  name!: string;

  @Field()
  value!: string;
}

@ObjectType({ description: 'A row refused before any change, with why and what it held.' })
export class HrImportRejectedRecord {
  @Field(() => Int, { nullable: true, description: 'The line in the file (the header is line 1).' })
  line!: number | null;

  @Field(() => String, { nullable: true })
  employeeNumber!: string | null;

  @Field(() => [String], { description: 'Each problem, naming the line, the field and what is wrong.' })
  errors!: string[];

  @Field(() => [HrImportRawValue], { description: 'The row’s values as the file had them.' })
  raw!: HrImportRawValue[];

  @Field({ description: 'Whether an administrator corrected the record (correctHrImportRecord); a record is corrected once.' })
  corrected!: boolean;

  @Field(() => Date, { nullable: true })
  correctedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Who corrected it.' })
  correctedBy!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'applied: the corrected record changed its identity; unchanged: the directory already held it.',
  })
  correctionResult!: string | null;

  @Field(() => [HrImportRawValue], { nullable: true, description: 'The corrected row as it was validated and applied.' })
  correctedValues!: HrImportRawValue[] | null;
}

@ObjectType({ description: 'A change the identity refused while the run was applied.' })
export class HrImportFailedChange {
  @Field(() => String, { nullable: true })
  employeeNumber!: string | null;

  @Field({ description: 'Why the identity refused it.' })
  error!: string;
}

@ObjectType({ description: 'One HR file import: what it held, what was applied, what was refused or held for an administrator.' })
export class HrImportRun {
  @Field(() => ID)
  id!: string;

  @Field()
  fileName!: string;

  @Field(() => HrImportRunStatus)
  status!: HrImportRunStatus;

  @Field({ description: 'Whether the file lists everyone employed (people missing from it leave).' })
  complete!: boolean;

  @Field()
  startedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it completed, was refused or was discarded; null while open or held.' })
  completedAt!: Date | null;

  @Field(() => HrImportRunCounts)
  counts!: HrImportRunCounts;

  @Field(() => [String], { description: 'Why the changes were held (empty unless held by the mass-change guard).' })
  heldReasons!: string[];

  @Field(() => [String], { description: 'Why the whole file was refused (status REFUSED).' })
  fileErrors!: string[];

  @Field(() => String, { nullable: true, description: 'Who confirmed or discarded the held changes.' })
  decidedBy!: string | null;

  @Field(() => String, { nullable: true })
  discardReason!: string | null;

  @Field(() => Date, {
    nullable: true,
    description:
      'When the rejected rows without an employee number were erased (their values read "[erased]"): by the retention period ' +
      '(HR_IMPORT_UNNAMED_ROWS_RETENTION_DAYS after the run ended) or by eraseHrImportUnnamedRows. Null before.',
  })
  unnamedRowsErasedAt!: Date | null;

  @Field(() => [HrImportRejectedRecord])
  rejectedRecords!: HrImportRejectedRecord[];

  @Field(() => [HrImportFailedChange])
  failedChanges!: HrImportFailedChange[];
}
