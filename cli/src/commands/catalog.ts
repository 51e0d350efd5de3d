import { catalogLines } from '../output/format-catalog';
import { type CommandContext, signedIn } from './context';

/** Entitlements whose key, name or description contains the text. */
export async function catalogSearch(context: CommandContext, text: string, options: { limit: number }): Promise<void> {
  const { api } = await signedIn(context);
  const page = await api.searchCatalog(text, options.limit);
  context.reporter.result(
    {
      search: text,
      entitlements: page.entitlements.map((entry) => ({ entitlement: `${entry.applicationId}/${entry.key}`, ...entry })),
      more: page.hasNextPage,
    },
    catalogLines(text, page.entitlements, page.hasNextPage),
  );
}
