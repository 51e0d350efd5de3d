import { Field, InputType } from 'type-graphql';

@InputType({ description: 'One column of a corrected HR record.' })
export class HrRecordValueInput {
  @Field({
    description:
      'The column as the CSV header names it (employee_number, start_date, custom.division...); case, spaces and hyphens as in a header.',
  })
  column!: string;

  @Field({ description: 'The corrected value; an empty string clears an optional column.' })
  value!: string;
}
