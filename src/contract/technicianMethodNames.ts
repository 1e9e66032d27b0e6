/** Technician mode's method names, zod-free like methodNames.ts (the preload carries only these strings). */
export const TECHNICIAN_METHOD_NAMES = [
  'technicianGetState',
  'technicianRequestEntry',
  'technicianEnter',
  'technicianLeave',
  'technicianTouch',
  'technicianDiscover',
  'technicianReaders',
  'technicianApplyReaders',
  'technicianRecentRecords',
  'technicianSuggestPipelines',
  'technicianSaveProfile',
  'technicianArmTestSwipe',
  'technicianExportProfile',
  'technicianImportProfile',
  'technicianWedgeRead',
] as const;

export type TechnicianMethodName = (typeof TECHNICIAN_METHOD_NAMES)[number];
