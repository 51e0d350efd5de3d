import { Directive, Field, ObjectType } from 'type-graphql';

/** Relay-style paging, the same type the other subgraphs declare (hence shareable). */
@ObjectType({ description: 'Where a page of a connection ends and whether more follow.' })
@Directive('@shareable')
export class PageInfo {
  @Field({ description: 'Whether asking again with `after: endCursor` returns more.' })
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'The cursor of the last edge of this page; null when the page is empty.' })
  endCursor!: string | null;
}
