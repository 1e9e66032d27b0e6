import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { CentralContext } from '../centralContext.js';
import { registerAdminAuditRoutes } from './adminAuditRoutes.js';
import { registerAdminConfigRoutes } from './adminConfigRoutes.js';
import { registerAdminDirectoryRoutes } from './adminDirectoryRoutes.js';
import { registerAdminKioskRoutes } from './adminKioskRoutes.js';
import { registerAdminPrintRoutes } from './adminPrintRoutes.js';
import { registerAdminSessionRoutes } from './adminSessionRoutes.js';
import { registerAdminTechnicianRoutes } from './adminTechnicianRoutes.js';
import { registerAdminUserRoutes } from './adminUserRoutes.js';
import { ADMIN_CONSOLE_PREFIX, defaultWebAppDir, USER_WEB_PREFIX } from './webAppDir.js';
import { registerAdminPasswordRoutes } from './adminPasswordRoutes.js';
import { installErrorHandler } from './errorReplies.js';
import { registerHealthRoutes } from './healthRoutes.js';
import { registerKioskPrintRoutes } from './kioskPrintRoutes.js';
import { registerKioskRoutes } from './kioskRoutes.js';
import { registerKioskSelfAssociationRoutes } from './kioskSelfAssociationRoutes.js';
import { LiveChannels } from './liveChannels.js';
import { rateLimits, type RateLimits } from './rateLimits.js';
import { registerStaticWebApp } from './staticWebApp.js';
import { registerUserWebRoutes } from './userWebRoutes.js';

export interface CentralServerOptions {
  /** pino options, or false for silence (tests, benchmarks). */
  readonly logger?: FastifyServerOptions['logger'];
  readonly tls?: { readonly cert: Buffer; readonly key: Buffer };
  readonly rateLimits?: Partial<Omit<RateLimits, 'keyByBearer'>>;
  /** Live channels one kiosk token may hold at once (default 3); a newer one closes the oldest. */
  readonly liveChannelsPerKiosk?: number;
  /** The built admin console served at /admin/ (default: dist/renderer/admin of this package). */
  readonly adminConsoleDir?: string;
  /** The built User web interface (dist/renderer/user), served at /user/; `/` leads there. */
  readonly userWebDir?: string;
}

/** Never logged: credentials travel in these headers. */
export const REDACTED_HEADERS = ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'];

export interface CentralServer {
  readonly app: FastifyInstance;
  readonly live: LiveChannels;
}

/**
 * The central store's HTTP server: kiosk API, administration API, health, OpenAPI. Bodies are
 * JSON up to 64 KiB unless a route says otherwise; every route validates with zod.
 */
export async function buildCentralServer(ctx: CentralContext, options: CentralServerOptions = {}): Promise<CentralServer> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 64 * 1024,
    ...(options.tls ? { https: { cert: options.tls.cert, key: options.tls.key } } : {}),
    requestTimeout: 30_000,
  } as FastifyServerOptions) as unknown as FastifyInstance;
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest('kiosk', null);
  app.decorateRequest('admin', null);
  installErrorHandler(app);
  // JSON everywhere (and text/csv for the import route): any other body is refused with 415.
  app.removeContentTypeParser('text/plain');

  const limits = rateLimits(options.rateLimits);
  await app.register(rateLimit, { global: true, max: limits.globalPerMinute, timeWindow: '1 minute' });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'badgekiosk central store', version: ctx.version, description: 'Kiosk sync API and administration API (DESIGN §5, §6).' },
      components: {
        securitySchemes: {
          kioskToken: { type: 'http', scheme: 'bearer', description: 'Per-kiosk token from enrollment' },
          adminToken: { type: 'http', scheme: 'bearer', description: 'Admin API token (bka_…)' },
          adminSession: { type: 'apiKey', in: 'cookie', name: 'bk_admin', description: 'Session cookie; writes also need x-csrf-token' },
          userSession: { type: 'apiKey', in: 'cookie', name: 'bk_user', description: 'User web interface session cookie; writes also need x-csrf-token' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });

  const live = new LiveChannels(ctx, options.liveChannelsPerKiosk);
  app.addHook('preClose', async () => live.closeAll());

  // Kiosks and probes send no cookie: their routes sit outside the cookie plugin's scope, so the
  // busiest request (a kiosk's idle pull) skips its per-request hook (issue 10).
  await app.register(async (tokenScope) => {
    registerHealthRoutes(tokenScope, ctx);
    registerKioskRoutes(tokenScope, ctx, live, limits);
    registerKioskPrintRoutes(tokenScope, ctx, limits);
    registerKioskSelfAssociationRoutes(tokenScope, ctx, limits);
  });
  await app.register(async (cookieScope) => {
    await cookieScope.register(cookie);
    registerAdminSessionRoutes(cookieScope, ctx, limits, options.tls !== undefined);
    registerAdminUserRoutes(cookieScope, ctx);
    registerAdminConfigRoutes(cookieScope, ctx);
    registerAdminKioskRoutes(cookieScope, ctx);
    registerAdminAuditRoutes(cookieScope, ctx);
    registerAdminTechnicianRoutes(cookieScope, ctx);
    registerAdminPrintRoutes(cookieScope, ctx);
    registerAdminPasswordRoutes(cookieScope, ctx, limits);
    registerAdminDirectoryRoutes(cookieScope, ctx);
    registerUserWebRoutes(cookieScope, ctx, limits, options.tls !== undefined);
    registerStaticWebApp(cookieScope, { urlPrefix: ADMIN_CONSOLE_PREFIX, rootDir: options.adminConsoleDir ?? defaultWebAppDir('admin') });
    registerStaticWebApp(cookieScope, { urlPrefix: USER_WEB_PREFIX, rootDir: options.userWebDir ?? defaultWebAppDir('user') });
  });
  app.get('/', { schema: { hide: true } }, async (_request, reply) => reply.redirect(USER_WEB_PREFIX));
  // Generating the document is not free: limited like any other anonymous route (issue 11, finding 11).
  app.get('/api/v1/openapi.json', { schema: { hide: true }, config: { rateLimit: { max: 30, timeWindow: '1 minute' } } }, async () => app.swagger());

  await app.ready();
  return { app, live };
}
