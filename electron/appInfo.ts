/** Placeholder until the Electron shell lands (issue: kiosk app). */
export const APP_ID = 'org.badgekiosk.kiosk';
