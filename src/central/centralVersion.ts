import packageJson from '../../package.json' with { type: 'json' };

/** The badgekiosk version this central store runs (reported by /health and in OpenAPI). */
export const CENTRAL_VERSION: string = packageJson.version;
