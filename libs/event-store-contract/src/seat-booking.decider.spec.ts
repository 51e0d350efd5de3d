import { deciderSpec } from '@tenure/testing';
import { fold } from '@tenure/event-sourcing';
import { seatBooking } from './seat-booking.decider';

describe('decider (seat booking example)', () => {
  const spec = deciderSpec(seatBooking);
  const opened = { type: 'SeatsOpened', data: { seats: 1 } } as const;

  it('given nothing, when seats are opened, then SeatsOpened', () => {
    spec
      .given([])
      .when({ type: 'OpenSeats', data: { seats: 1 } })
      .then([opened]);
  });

  it('given open seats, when a person books, then SeatBooked; booking again decides nothing', () => {
    spec
      .given([opened])
      .when({ type: 'BookSeat', data: { person: 'ann' } })
      .then([{ type: 'SeatBooked', data: { person: 'ann' } }]);
    spec
      .given([opened, { type: 'SeatBooked', data: { person: 'ann' } }])
      .when({ type: 'BookSeat', data: { person: 'ann' } })
      .then([]);
  });

  it('given no seat left, when another person books, then a conflict error', () => {
    spec
      .given([opened, { type: 'SeatBooked', data: { person: 'ann' } }])
      .when({ type: 'BookSeat', data: { person: 'bob' } })
      .thenThrows({ code: 'conflict' });
  });

  it('folds events into state', () => {
    expect(fold(seatBooking, [opened, { type: 'SeatBooked', data: { person: 'ann' } }])).toEqual({
      status: 'open',
      seats: 1,
      booked: ['ann'],
    });
  });
});
