/** The connector's event still carries everything the published contract promises (it may carry more, which consumers ignore). */
export type Honours<Event, Published> = [Event] extends [Published] ? true : never;
