import { useQuery } from '@tanstack/react-query';
import type { ConfigEntry } from '../../../src/protocol/admin/adminSchemas.js';
import { api } from './endpoints.js';

export const CONFIG_QUERY = ['config'] as const;

export function useConfig() {
  return useQuery({ queryKey: CONFIG_QUERY, queryFn: async () => (await api.config()).keys });
}

export function configByName(keys: readonly ConfigEntry[]): ReadonlyMap<string, ConfigEntry> {
  return new Map(keys.map((entry) => [entry.name, entry]));
}
