import { Field, ObjectType } from 'type-graphql';
import { PageInfo } from '../page-info.type';
import { HrImportRun } from './hr-import-run.type';

@ObjectType()
export class HrImportRunEdge {
  @Field({ description: 'Pass as `after` to continue with older runs.' })
  cursor!: string;

  @Field(() => HrImportRun)
  node!: HrImportRun;
}

@ObjectType({ description: 'A page of import runs, newest first.' })
export class HrImportRunConnection {
  @Field(() => [HrImportRunEdge])
  edges!: HrImportRunEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}
