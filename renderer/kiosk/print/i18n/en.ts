/** Print release's texts (English, the source); merged into the kiosk catalogue like technician mode's. */
export const printEn = {
  'print.title': 'Your documents',
  'print.loading': 'Looking for your documents…',
  'print.empty': 'You have no documents waiting.',
  'print.emptyHow': 'Print from your computer to the follow-me printer, then come back here to release your documents.',
  'print.unavailable': 'Printing is unavailable right now. Changing your PIN or Card/ID number still works.',
  'print.notConfigured': 'No print server is configured for this kiosk. An administrator sets one up with:',
  'print.printAll': 'Print all',
  'print.printSelected': (count: number) => (count === 1 ? 'Print 1 document' : `Print ${count} documents`),
  'print.deleteSelected': (count: number) => (count === 1 ? 'Delete 1 document' : `Delete ${count} documents`),
  'print.account': 'Account',
  'print.documents': 'Documents',
  'print.listLabel': 'Documents waiting to be printed',
  'print.select': (title: string) => `Select ${title}`,
  'print.pages': (pages: number | null, copies: number) =>
    `${pages === null ? 'pages unknown' : pages === 1 ? '1 page' : `${pages} pages`}${copies > 1 ? ` × ${copies} copies` : ''}`,
  'print.total': (count: number, pages: number | null) =>
    `${count === 1 ? '1 document' : `${count} documents`}${pages === null ? '' : `, ${pages === 1 ? '1 page' : `${pages} pages`}`}`,
  'print.sentTo': (printer: string) => `Sent to ${printer}`,
  'print.deleted': (count: number) => (count === 1 ? '1 document deleted.' : `${count} documents deleted.`),
  'print.someGone': (count: number) => (count === 1 ? '1 document was already gone.' : `${count} documents were already gone.`),
  'print.logoutIn': (seconds: number) => `You will be logged out in ${seconds} s. Tap to stay.`,
  'print.stay': 'Stay signed in',
  'print.setup.ready': (printer: string) => `Printing: release printer ${printer}.`,
  'print.setup.central': (url: string) => `Printing is set up in the central store at ${url}.`,
  'print.condition.stopped': 'The printer is stopped: your documents will wait until it is started again.',
  'print.condition.out-of-paper': 'The printer is out of paper.',
  'print.condition.out-of-toner': 'The printer is out of toner or ink.',
  'print.condition.jammed': 'The printer has a paper jam.',
  'print.condition.door-open': 'A door or cover of the printer is open.',
  'print.condition.offline': 'The printer is offline.',
};

export type PrintMessages = {
  readonly [K in keyof typeof printEn]: (typeof printEn)[K];
};
