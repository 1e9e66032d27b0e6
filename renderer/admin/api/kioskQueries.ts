import { useQuery } from '@tanstack/react-query';
import { api } from './endpoints.js';

export const KIOSKS_QUERY = ['kiosks'] as const;

/** The kiosk list; `refreshMs` keeps online and last seen current while a screen shows them. */
export function useKiosks(refreshMs?: number) {
  return useQuery({ queryKey: KIOSKS_QUERY, queryFn: async () => (await api.kiosks()).kiosks, ...(refreshMs ? { refetchInterval: refreshMs } : {}) });
}
