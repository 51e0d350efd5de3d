import { Directive, Field, ObjectType } from 'type-graphql';

/** Relay-style paging for every connection of this subgraph (shareable: other subgraphs declare the same). */
@ObjectType({ description: 'Where a page of a connection ends and whether more follow.' })
@Directive('@shareable')
export class PageInfo {
  @Field({ description: 'Whether asking again with `after: endCursor` returns more.' })
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'The cursor of the last edge of this page; null when the page is empty.' })
  endCursor!: string | null;
}
