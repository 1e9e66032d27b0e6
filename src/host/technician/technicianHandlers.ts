import { contractError, TECHNICIAN_METHOD_NAMES, type ContractResult, type MethodInput, type MethodOutput, type TechnicianMethodName } from '../../contract/index.js';
import type { TechnicianService } from './technicianService.js';

export type TechnicianHandlers = {
  readonly [M in TechnicianMethodName]: (input: MethodInput<M>) => Promise<ContractResult<MethodOutput<M>>>;
};

/**
 * The contract's technician calls, for the host's method map. `sessionIdle` tells whether the
 * kiosk is at the idle screen: technician mode never opens over someone's session.
 */
export function technicianHandlers(service: TechnicianService, sessionIdle: () => boolean): TechnicianHandlers {
  return {
    technicianGetState: async () => ({ ok: true, value: service.state() }),
    technicianRequestEntry: () => service.requestEntry('corner', sessionIdle()),
    technicianEnter: ({ pin }) => service.enter(pin),
    technicianLeave: () => service.leave('leave'),
    technicianTouch: () => service.touch(),
    technicianDiscover: () => service.whenActive(() => service.discover()),
    technicianReaders: () => service.whenActive(() => ({ ok: true, value: service.overview() })),
    technicianApplyReaders: ({ readers }) => service.whenActive(() => service.applyReaders(readers)),
    technicianRecentRecords: () => service.whenActive(() => ({ ok: true, value: { records: service.workbench.recent() } })),
    technicianSuggestPipelines: ({ samples }) => service.whenActive(() => service.suggestPipelines(samples)),
    technicianSaveProfile: () => service.whenActive(() => service.save()),
    technicianArmTestSwipe: () => service.whenActive(() => service.armTestSwipe()),
    technicianExportProfile: () => service.whenActive(() => service.exportProfile()),
    technicianImportProfile: ({ json }) => service.whenActive(() => service.importProfile(json)),
    technicianWedgeRead: ({ text, verdict }) => service.whenActive(() => service.wedgeRead(text, verdict)),
  };
}

/** A kiosk built without technician mode (some tests, tools): every technician call says so. */
export function unavailableTechnicianHandlers(): TechnicianHandlers {
  const refuse = async () => ({ ok: false as const, error: contractError('not-found', 'Technician mode is not available on this kiosk.') });
  return Object.fromEntries(TECHNICIAN_METHOD_NAMES.map((name) => [name, refuse])) as unknown as TechnicianHandlers;
}
