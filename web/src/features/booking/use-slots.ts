import { useQuery } from '@tanstack/react-query';
import { bookingApi } from './api.js';

/** The free slots of a coach's type, in `timeZone`. */
export function useSlots(handle: string, type: string, timeZone: string) {
  return useQuery({
    queryKey: ['booking', 'slots', handle, type, timeZone],
    queryFn: ({ signal }) => bookingApi.slots(handle, type, timeZone, signal),
    // A slot shown a while ago may be taken by now: a remount asks again.
    staleTime: 0,
  });
}
