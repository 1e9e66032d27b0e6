/** Card self-association's texts (English, the source); merged into the kiosk catalogue like print release's. */
export const linkEn = {
  'link.title': "This card isn't registered.",
  'link.lead': 'Sign in to link it to your account.',
  'link.username': 'Username',
  'link.password': 'Password',
  'link.signIn': 'Sign in',
  'link.checking': 'Checking…',
  'link.keyboard': 'On-screen keyboard',
  'link.shift': 'Shift',
  'link.space': 'Space',
  'link.backspace': 'Delete last character',
  'link.symbols': 'Digits and symbols',
  'link.letters': 'Letters',
  'link.symbolsKey': '?123',
  'link.lettersKey': 'ABC',
  'link.wrong': 'Wrong username or password. Please try again.',
  'link.central': 'Linking a card needs the central store, which cannot be reached right now. Please try again later.',
  'link.directory': 'The directory cannot be reached right now, so your password cannot be checked. Please try again later.',
  'link.failed': 'The card could not be linked. Please try again.',
  'link.cardInUse.title': 'Card already linked',
  'link.cardInUse.body': 'This card belongs to another account. Please contact your system administrator.',
  'link.noAccount.title': 'No account yet',
  'link.noAccount.body': 'Your directory account has no account at this site yet. Please contact your system administrator.',
  'link.notLoaded.title': 'Card linked',
  'link.notLoaded.body': 'Your card is now linked to your account, but this kiosk has not received it yet. Please swipe it again in a minute.',
  'link.charactersEntered': (count: number) => (count === 1 ? '1 character entered' : `${count} characters entered`),
};

export type LinkMessages = {
  readonly [K in keyof typeof linkEn]: (typeof linkEn)[K] extends string ? string : (typeof linkEn)[K];
};
