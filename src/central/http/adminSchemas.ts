/** The admin API's shapes live in src/protocol/admin, shared with the admin console. */
export * from '../../protocol/admin/adminSchemas.js';

/** OpenAPI: admin routes take a session cookie or an admin API token. */
export const ADMIN_SECURITY: Record<string, string[]>[] = [{ adminSession: [] }, { adminToken: [] }];
