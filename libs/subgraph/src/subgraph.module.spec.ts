import { Injectable, type INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Query, Resolver } from 'type-graphql';
import { SubgraphModule } from './subgraph.module';

@Injectable()
class Greeting {
  readonly text = 'hello from a Nest provider';
}

@Injectable()
@Resolver()
class GreetingResolver {
  constructor(private readonly greetings: Greeting) {}

  @Query(() => String)
  greeting(): string {
    return this.greetings.text;
  }
}

@Module({
  imports: [SubgraphModule.forRoot({ definition: { resolvers: [GreetingResolver] }, production: false })],
  providers: [Greeting, GreetingResolver],
})
class GreetingAppModule {}

describe('SubgraphModule', () => {
  let app: INestApplication;
  let baseUrl: string;

  beforeAll(async () => {
    app = await NestFactory.create(GreetingAppModule, { logger: false, abortOnError: false });
    await app.listen(0, '127.0.0.1');
    baseUrl = await app.getUrl();
  });

  afterAll(() => app?.close());

  it('serves the subgraph on /graphql with resolvers that Nest injected', async () => {
    const response = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ greeting }' }),
    });

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { greeting: 'hello from a Nest provider' } });
  });

  it('leaves other paths to Nest', async () => {
    expect((await fetch(`${baseUrl}/elsewhere`)).status).toBe(404);
  });
});
