import { progressLine } from './progress-line';

describe('progress line', () => {
  it('shows the bar, the percentage, counts, rate and time left', () => {
    const line = progressLine(
      { projection: 'counts', applied: 100, total: 250, eventsPerSecond: 812.4, secondsLeft: 0.18, position: { commit: 1n, prepare: 1n } },
      10,
    );
    expect(line).toBe('counts  [####------]  40%  100/250 events  812 ev/s  ~0.2 s left');
  });

  it('is complete for an empty log', () => {
    expect(
      progressLine(
        { projection: 'p', applied: 0, total: 0, eventsPerSecond: 0, secondsLeft: undefined, position: { commit: 0n, prepare: 0n } },
        4,
      ),
    ).toBe('p  [####] 100%  0/0 events  0 ev/s');
  });
});
