import type {
  AdminToken,
  AdminUser,
  AuditEvent,
  AuditQuery,
  ChangePassword,
  ConfigEntry,
  ConfigValueInput,
  CreatedKiosk,
  CreatedToken,
  ImportResult,
  Kiosk,
  Login,
  Session,
  SetCards,
  UpdateUser,
  UserList,
} from '../../../src/protocol/admin/adminSchemas.js';
import { ADMIN_API, apiCall, queryString } from './adminApi.js';

/** The answer of GET /kiosks/{id}/reader-profile as far as the console reads it (src/contract/readerProfile.ts has the whole profile). */
export interface KioskReaderProfile {
  readonly savedAt: number;
  readonly profile: { readonly readers?: readonly { readonly label?: string; readonly preset: string }[] };
}

/** One function per admin API route the console uses (documented in /api/v1/openapi.json). */
export const api = {
  session: () => apiCall<Session>('GET', '/session'),
  signIn: (login: Login) => apiCall<Session>('POST', '/session', { json: login }),
  signOut: () => apiCall<void>('DELETE', '/session'),

  config: () => apiCall<{ keys: ConfigEntry[] }>('GET', '/config'),
  setConfig: (name: string, value: ConfigValueInput) => apiCall<ConfigEntry>('PUT', `/config/${encodeURIComponent(name)}`, { json: { value } }),

  users: (query: { search?: string; limit: number; offset: number }) => apiCall<UserList>('GET', `/users${queryString(query)}`),
  user: (id: string) => apiCall<AdminUser>('GET', `/users/${encodeURIComponent(id)}`),
  updateUser: (id: string, patch: UpdateUser) => apiCall<AdminUser>('PATCH', `/users/${encodeURIComponent(id)}`, { json: patch }),
  deleteUser: (id: string) => apiCall<void>('DELETE', `/users/${encodeURIComponent(id)}`),
  setCards: (id: string, cards: SetCards) => apiCall<AdminUser>('PUT', `/users/${encodeURIComponent(id)}/cards`, { json: cards }),
  resetPin: (id: string) => apiCall<AdminUser>('POST', `/users/${encodeURIComponent(id)}/reset-pin`),
  unlock: (id: string) => apiCall<AdminUser>('POST', `/users/${encodeURIComponent(id)}/unlock`),
  importUsers: (csv: string) => apiCall<ImportResult>('POST', '/users/import', { csv }),

  kiosks: () => apiCall<{ kiosks: Kiosk[] }>('GET', '/kiosks'),
  addKiosk: (name: string) => apiCall<CreatedKiosk>('POST', '/kiosks', { json: { name } }),
  /** The reader profile the kiosk's technician last saved (404 when none was sent). */
  readerProfile: (id: string) => apiCall<KioskReaderProfile>('GET', `/kiosks/${encodeURIComponent(id)}/reader-profile`),
  revokeKiosk: (id: string) => apiCall<Kiosk>('POST', `/kiosks/${encodeURIComponent(id)}/revoke`),

  audit: (query: AuditQuery) => apiCall<{ events: AuditEvent[] }>('GET', `/audit${queryString(query as Record<string, string | number | undefined>)}`),
  /** A plain link: the browser downloads it with the session cookie (a GET needs no CSRF token). */
  auditCsvUrl: (query: AuditQuery) => `${ADMIN_API}/audit.csv${queryString(query as Record<string, string | number | undefined>)}`,

  tokens: () => apiCall<{ tokens: AdminToken[] }>('GET', '/tokens'),
  createToken: (name: string) => apiCall<CreatedToken>('POST', '/tokens', { json: { name } }),
  revokeToken: (id: string) => apiCall<void>('DELETE', `/tokens/${encodeURIComponent(id)}`),
  changePassword: (change: ChangePassword) => apiCall<void>('PUT', '/password', { json: change }),
};
