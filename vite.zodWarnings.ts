import type { RollupLog, LoggingFunction } from 'rollup';

/**
 * zod 4 writes explanatory comments next to its @__PURE__ annotations; Rollup drops those comments
 * and says so on every build. Nothing is wrong with the output: keep the build log clean.
 */
export function quietZodAnnotations(warning: RollupLog, warn: LoggingFunction): void {
  if (warning.code === 'INVALID_ANNOTATION' && /node_modules[\\/]zod[\\/]/.test(warning.id ?? '')) return;
  warn(warning);
}
