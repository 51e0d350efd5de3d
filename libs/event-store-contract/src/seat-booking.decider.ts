import { DomainError, type Decider } from '@tenure/event-sourcing';

/** A tiny decider for tests of the event-sourcing machinery: a limited number of seats, booked once per person. */
export type SeatEvent = { type: 'SeatsOpened'; data: { seats: number } } | { type: 'SeatBooked'; data: { person: string } };

export type SeatCommand = { type: 'OpenSeats'; data: { seats: number } } | { type: 'BookSeat'; data: { person: string } };

export type SeatState = { status: 'closed' } | { status: 'open'; seats: number; booked: readonly string[] };

export const seatBooking: Decider<SeatCommand, SeatEvent, SeatState> = {
  initialState: () => ({ status: 'closed' }),
  decide(command, state) {
    switch (command.type) {
      case 'OpenSeats':
        if (state.status === 'open') throw new DomainError('illegal_state', 'seats are already open');
        return [{ type: 'SeatsOpened', data: { seats: command.data.seats } }];
      case 'BookSeat':
        if (state.status !== 'open') throw new DomainError('illegal_state', 'seats are not open');
        if (state.booked.includes(command.data.person)) return [];
        if (state.booked.length >= state.seats) throw new DomainError('conflict', 'no seat left');
        return [{ type: 'SeatBooked', data: { person: command.data.person } }];
      default: {
        const unknown: never = command;
        throw new DomainError('validation', `unknown command ${JSON.stringify(unknown)}`);
      }
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'SeatsOpened':
        return { status: 'open', seats: event.data.seats, booked: [] };
      case 'SeatBooked':
        return state.status === 'open' ? { ...state, booked: [...state.booked, event.data.person] } : state;
      default: {
        const unknown: never = event;
        return unknown;
      }
    }
  },
};
