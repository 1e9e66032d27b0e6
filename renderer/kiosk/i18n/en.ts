import { linkEn } from '../link/i18n/en.js';
import { printEn } from '../print/i18n/en.js';
import { technicianEn } from '../technician/i18n/en.js';
import { PIN_POLICY_MESSAGES as PIN_POLICY, SELF_SERVICE_MESSAGES as SHARED } from '../../../src/core/selfServiceMessages.js';
/**
 * English, the source catalogue: its keys and parameter types define the Messages type that every
 * other language must satisfy key by key (a missing or extra key fails `npm run typecheck`).
 */
export const en = {
  'app.name': 'Print release kiosk',
  'lang.label': 'Language',

  'connect.starting': 'Starting…',
  'connect.noHost': 'This page must be opened at the address that badgekiosk start prints, with its token.',
  'connect.lost': 'The connection to the kiosk was lost. Reconnecting…',

  'common.ok': 'OK',
  'common.cancel': 'Cancel',
  'common.back': 'Back',
  'common.done': 'Done',
  'common.logout': 'Log out',
  'common.tryAgain': 'Try again',
  'common.home': 'Back to start',

  'keypad.clear': 'Clear',
  'keypad.backspace': 'Delete last digit',
  'keypad.idLabel': 'ID number keypad',
  'keypad.pinLabel': 'PIN keypad',
  'keypad.maxReached': (max: number) => `That is the most: ${max} digits.`,
  'keypad.digitsEntered': (count: number) => (count === 1 ? '1 digit entered' : `${count} digits entered`),

  'display.highContrast': 'High contrast, large text',
  'idle.title': 'Swipe or tap your card',
  'idle.or': 'or',
  'idle.enterId': 'Enter ID number',

  'idEntry.title': 'Enter your ID number',
  'idEntry.field': 'ID number',

  'pinEntry.title': 'Enter your PIN',
  'pinEntry.greeting': (name: string) => `Hello, ${name}`,
  'pinEntry.field': 'PIN',

  'firstPin.title': 'Choose your PIN',
  'firstPin.intro': (min: number, max: number) => `You have no PIN yet. Choose one of ${min} to ${max} digits.`,
  'firstPin.confirm': 'Enter the same PIN again',

  'home.welcome': (name: string) => `Welcome, ${name}`,
  'home.signedIn': 'You are signed in.',
  'home.changePin': 'Change PIN',
  'home.changeCard': 'Change Card/ID number',
  'home.nothingToChange': 'Nothing can be changed at this kiosk.',

  'changePin.title': 'Change PIN',
  'changePin.current': 'Enter your current PIN',
  'changePin.new': (min: number, max: number) => `Enter your new PIN (${min} to ${max} digits)`,
  'changePin.confirm': 'Enter your new PIN again',
  'changePin.wrongCurrent': 'That is not your current PIN.',
  'changePin.done': 'Your PIN has been changed.',
  'changePin.queued': 'The central store will receive the change when it is reachable again.',

  // What the CLI says in the same situations: one source (src/core/selfServiceMessages.ts).
  'pinPolicy.length': PIN_POLICY.length,
  'pinPolicy.digits': PIN_POLICY.digitsOnly,
  'pinPolicy.allSame': PIN_POLICY.allSame,
  'pinPolicy.sequence': PIN_POLICY.sequence,
  'pinPolicy.reuse': PIN_POLICY.sameAsCurrent,
  'pinPolicy.generic': 'That PIN is not allowed. Please choose another one.',
  'pinPolicy.mismatch': 'The two new PINs were not the same. Please start again.',

  'changeCard.title': 'Change Card/ID number',
  'changeCard.field.primary': 'This changes your primary Card/ID number.',
  'changeCard.field.secondary': 'This changes your secondary Card/ID number.',
  'changeCard.current': 'Current number',
  'changeCard.none': 'none',
  'changeCard.generate': 'Generate a new number',
  'changeCard.type': 'Type a new number',
  'changeCard.changesLeft': (count: number) =>
    count === 1 ? 'You can change it once more today.' : `You can change it ${count} more times today.`,
  'changeCard.confirmTitle': 'Replace your Card/ID number?',
  'changeCard.confirmBody': 'Your current number stops working as soon as the new one is made.',
  'changeCard.confirm': 'Yes, replace it',
  'changeCard.typeTitle': 'Type your new Card/ID number',
  'changeCard.typeLength': (min: number, max: number) => `${min} to ${max} digits`,
  'changeCard.resultTitle': 'Your new Card/ID number',
  'changeCard.showQr': 'Show as QR code',
  'changeCard.qrLabel': 'Your new Card/ID number as a QR code',
  'changeCard.oldStops': 'Your old number no longer works. Please write the new one down.',

  'error.unknownCard.title': 'Card not recognised',
  'error.unknownCard.body': 'This card is not registered. Please try your ID number or contact your system administrator.',
  'error.invalidCredentials.title': 'Not recognised',
  'error.invalidCredentials.body': SHARED.invalidCredentials,
  'error.invalidCredentials.lastTry': 'You have 1 try left before this ID number is locked.',
  'error.lockedId.title': 'ID number locked',
  'error.lockedId.until': (time: string) => `Too many wrong tries with this ID number. You can type it again after ${time}. Swiping your card still works.`,
  'error.lockedId.later': 'Too many wrong tries with this ID number. Please try again later. Swiping your card still works.',
  'error.typedIdWait.title': 'Please wait',
  'error.typedIdWait.body': (seconds: number) =>
    seconds === 1 ? 'Please wait 1 second before typing an ID number again.' : `Please wait ${seconds} seconds before typing an ID number again.`,
  'error.wrongPin.title': 'Wrong PIN',
  'error.wrongPin.attemptsLeft': (count: number) =>
    count === 1 ? 'You have 1 attempt left before your account is locked.' : `You have ${count} attempts left before your account is locked.`,
  'error.locked.title': 'Account locked',
  'error.locked.until': (time: string) => `Too many wrong PINs. You can try again after ${time}.`,
  'error.locked.later': 'Too many wrong PINs. Please try again later.',
  'error.disabled.title': 'Account disabled',
  'error.disabled.body': SHARED.userDisabled,
  'error.dailyLimit.title': 'Limit reached',
  'error.dailyLimit.body':
    'Your ID number has been changed too many times. Please contact your system administrator for assistance.',
  'error.cardUnconfirmed.title': 'Your new number could not be confirmed',
  'error.cardUnconfirmed.body': 'The central store stopped answering while it was changing your Card/ID number, so we cannot tell whether the change was made.',
  'error.cardUnconfirmed.next': 'Sign in again in a minute: your account page will show the number in force. Please do not try again before then.',
  'error.central.title': 'Central store unreachable',
  'error.central.body': 'Changing your Card/ID number needs the central store, which cannot be reached right now.',
  'error.central.stillWorks':
    'You can still sign in with your card or ID number and change your PIN; PIN changes are sent when the connection is back.',
  'error.newPinNeedsCard.title': 'Please swipe your card',
  'error.newPinNeedsCard.body': 'You have no PIN yet. To choose one, swipe or tap your card instead of typing your ID number.',
  'error.cardInUse': 'That number is already in use. Please choose another one.',
  'error.invalidCardNumber': 'That number cannot be used. Please check its length and use digits only.',
  'error.notAllowed': 'This change is not allowed at this kiosk.',
  'error.generic.title': 'Something went wrong',
  'error.generic.body': 'Please try again. If it keeps happening, contact your system administrator.',

  'idle.countdown': (seconds: number) => `No activity: logging out in ${seconds} s`,
  'idle.stay': 'Stay signed in',
  'idle.countdownBack': (seconds: number) => `No activity: back to the start in ${seconds} s`,
  'idle.continue': 'Continue',
  'session.loggedOut': 'You have been logged out.',

  'status.label': 'Kiosk status',
  'status.reader.connected': 'Reader ready',
  'status.reader.disconnected': 'Reader disconnected',
  'status.reader.none': 'No reader set up',
  'status.sync.online': 'Central store connected',
  'status.sync.offline': 'Central store unreachable',
  'status.sync.syncing': 'Syncing',
  'status.sync.initial': (percent: number) => `Loading users from the central store: ${percent} %`,
  'status.sync.standalone': 'Standalone kiosk',
  ...technicianEn,
  ...printEn,
  ...linkEn,
} as const;
