import { linkDe } from '../link/i18n/de.js';
import { printDe } from '../print/i18n/de.js';
import { technicianDe } from '../technician/i18n/de.js';
import type { Messages } from './messages.js';

export const de: Messages = {
  'app.name': 'Druckfreigabe-Terminal',
  'lang.label': 'Sprache',

  'connect.starting': 'Wird gestartet …',
  'connect.noHost': 'Diese Seite muss unter der Adresse geöffnet werden, die badgekiosk start ausgibt, samt Token.',
  'connect.lost': 'Die Verbindung zum Terminal wurde unterbrochen. Neue Verbindung wird hergestellt …',

  'common.ok': 'OK',
  'common.cancel': 'Abbrechen',
  'common.back': 'Zurück',
  'common.done': 'Fertig',
  'common.logout': 'Abmelden',
  'common.tryAgain': 'Erneut versuchen',
  'common.home': 'Zurück zum Start',

  'keypad.clear': 'Löschen',
  'keypad.backspace': 'Letzte Ziffer löschen',
  'keypad.idLabel': 'Tastenfeld für die ID-Nummer',
  'keypad.pinLabel': 'Tastenfeld für die PIN',
  'keypad.maxReached': (max) => `Mehr geht nicht: höchstens ${max} Ziffern.`,
  'keypad.digitsEntered': (count) => (count === 1 ? '1 Ziffer eingegeben' : `${count} Ziffern eingegeben`),

  'display.highContrast': 'Hoher Kontrast, große Schrift',
  'idle.title': 'Karte durchziehen oder auflegen',
  'idle.or': 'oder',
  'idle.enterId': 'ID-Nummer eingeben',

  'idEntry.title': 'Geben Sie Ihre ID-Nummer ein',
  'idEntry.field': 'ID-Nummer',

  'pinEntry.title': 'Geben Sie Ihre PIN ein',
  'pinEntry.greeting': (name) => `Hallo, ${name}`,
  'pinEntry.field': 'PIN',

  'firstPin.title': 'PIN festlegen',
  'firstPin.intro': (min, max) => `Sie haben noch keine PIN. Wählen Sie eine mit ${min} bis ${max} Ziffern.`,
  'firstPin.confirm': 'Geben Sie dieselbe PIN noch einmal ein',

  'home.welcome': (name) => `Willkommen, ${name}`,
  'home.signedIn': 'Sie sind angemeldet.',
  'home.changePin': 'PIN ändern',
  'home.changeCard': 'Karten-/ID-Nummer ändern',
  'home.nothingToChange': 'An diesem Terminal kann nichts geändert werden.',

  'changePin.title': 'PIN ändern',
  'changePin.current': 'Geben Sie Ihre aktuelle PIN ein',
  'changePin.new': (min, max) => `Geben Sie Ihre neue PIN ein (${min} bis ${max} Ziffern)`,
  'changePin.confirm': 'Geben Sie Ihre neue PIN noch einmal ein',
  'changePin.wrongCurrent': 'Das ist nicht Ihre aktuelle PIN.',
  'changePin.done': 'Ihre PIN wurde geändert.',
  'changePin.queued': 'Die zentrale Datenbank erhält die Änderung, sobald sie wieder erreichbar ist.',

  'pinPolicy.length': (min, max) => `Eine PIN muss ${min} bis ${max} Ziffern haben.`,
  'pinPolicy.digits': 'Eine PIN darf nur Ziffern enthalten.',
  'pinPolicy.allSame': 'Eine PIN darf nicht aus lauter gleichen Ziffern bestehen, wie 1111.',
  'pinPolicy.sequence': 'Eine PIN darf keine Ziffernfolge sein, wie 1234 oder 9876.',
  'pinPolicy.reuse': 'Die neue PIN muss sich von Ihrer aktuellen PIN unterscheiden.',
  'pinPolicy.generic': 'Diese PIN ist nicht erlaubt. Bitte wählen Sie eine andere.',
  'pinPolicy.mismatch': 'Die beiden neuen PINs stimmen nicht überein. Bitte beginnen Sie erneut.',

  'changeCard.title': 'Karten-/ID-Nummer ändern',
  'changeCard.field.primary': 'Dies ändert Ihre primäre Karten-/ID-Nummer.',
  'changeCard.field.secondary': 'Dies ändert Ihre sekundäre Karten-/ID-Nummer.',
  'changeCard.current': 'Aktuelle Nummer',
  'changeCard.none': 'keine',
  'changeCard.generate': 'Neue Nummer erzeugen',
  'changeCard.type': 'Neue Nummer eingeben',
  'changeCard.changesLeft': (count) =>
    count === 1 ? 'Sie können sie heute noch einmal ändern.' : `Sie können sie heute noch ${count}-mal ändern.`,
  'changeCard.confirmTitle': 'Karten-/ID-Nummer ersetzen?',
  'changeCard.confirmBody': 'Ihre aktuelle Nummer funktioniert nicht mehr, sobald die neue erstellt ist.',
  'changeCard.confirm': 'Ja, ersetzen',
  'changeCard.typeTitle': 'Geben Sie Ihre neue Karten-/ID-Nummer ein',
  'changeCard.typeLength': (min, max) => `${min} bis ${max} Ziffern`,
  'changeCard.resultTitle': 'Ihre neue Karten-/ID-Nummer',
  'changeCard.showQr': 'Als QR-Code zeigen',
  'changeCard.qrLabel': 'Ihre neue Karten-/ID-Nummer als QR-Code',
  'changeCard.oldStops': 'Ihre alte Nummer funktioniert nicht mehr. Bitte notieren Sie sich die neue.',

  'error.unknownCard.title': 'Karte nicht erkannt',
  'error.unknownCard.body':
    'Diese Karte ist nicht registriert. Versuchen Sie es mit Ihrer ID-Nummer oder wenden Sie sich an Ihren Systemadministrator.',
  'error.invalidCredentials.title': 'Nicht erkannt',
  'error.invalidCredentials.body': 'ID-Nummer oder PIN nicht erkannt. Wenn Sie noch keine PIN haben, halten Sie Ihre Karte an den Leser, um eine festzulegen.',
  'error.wrongPin.title': 'Falsche PIN',
  'error.wrongPin.attemptsLeft': (count) =>
    count === 1
      ? 'Sie haben noch 1 Versuch, bevor Ihr Konto gesperrt wird.'
      : `Sie haben noch ${count} Versuche, bevor Ihr Konto gesperrt wird.`,
  'error.invalidCredentials.lastTry': 'Sie haben noch 1 Versuch, bevor diese ID-Nummer gesperrt wird.',
  'error.lockedId.title': 'ID-Nummer gesperrt',
  'error.lockedId.until': (time) => `Zu viele falsche Versuche mit dieser ID-Nummer. Sie können sie ab ${time} Uhr wieder eingeben. Ihre Karte funktioniert weiterhin.`,
  'error.lockedId.later': 'Zu viele falsche Versuche mit dieser ID-Nummer. Bitte versuchen Sie es später erneut. Ihre Karte funktioniert weiterhin.',
  'error.typedIdWait.title': 'Bitte warten',
  'error.typedIdWait.body': (seconds) =>
    seconds === 1 ? 'Bitte warten Sie 1 Sekunde, bevor Sie erneut eine ID-Nummer eingeben.' : `Bitte warten Sie ${seconds} Sekunden, bevor Sie erneut eine ID-Nummer eingeben.`,
  'error.locked.title': 'Konto gesperrt',
  'error.locked.until': (time) => `Zu viele falsche PINs. Sie können es ab ${time} Uhr erneut versuchen.`,
  'error.locked.later': 'Zu viele falsche PINs. Bitte versuchen Sie es später erneut.',
  'error.disabled.title': 'Konto deaktiviert',
  'error.disabled.body': 'Dieses Konto ist deaktiviert. Bitte wenden Sie sich an Ihren Systemadministrator.',
  'error.dailyLimit.title': 'Limit erreicht',
  'error.dailyLimit.body':
    'Ihre ID-Nummer wurde zu oft geändert. Bitte wenden Sie sich an Ihren Systemadministrator.',
  'error.cardUnconfirmed.title': 'Ihre neue Nummer konnte nicht bestätigt werden',
  'error.cardUnconfirmed.body': 'Die zentrale Datenbank hat während der Änderung Ihrer Karten-/ID-Nummer nicht mehr geantwortet. Ob die Änderung erfolgt ist, lässt sich nicht sagen.',
  'error.cardUnconfirmed.next': 'Melden Sie sich in einer Minute erneut an: Ihre Kontoseite zeigt dann die gültige Nummer. Bitte versuchen Sie es bis dahin nicht erneut.',
  'error.central.title': 'Zentrale Datenbank nicht erreichbar',
  'error.central.body':
    'Zum Ändern der Karten-/ID-Nummer wird die zentrale Datenbank benötigt, die gerade nicht erreichbar ist.',
  'error.central.stillWorks':
    'Anmelden mit Karte oder ID-Nummer und PIN ändern funktionieren weiterhin; PIN-Änderungen werden übertragen, sobald die Verbindung wieder besteht.',
  'error.newPinNeedsCard.title': 'Bitte Karte verwenden',
  'error.newPinNeedsCard.body':
    'Sie haben noch keine PIN. Um eine festzulegen, ziehen Sie Ihre Karte durch oder legen Sie sie auf, statt die ID-Nummer einzugeben.',
  'error.cardInUse': 'Diese Nummer ist bereits vergeben. Bitte wählen Sie eine andere.',
  'error.invalidCardNumber': 'Diese Nummer ist nicht verwendbar. Bitte prüfen Sie die Länge und verwenden Sie nur Ziffern.',
  'error.notAllowed': 'Diese Änderung ist an diesem Terminal nicht erlaubt.',
  'error.generic.title': 'Etwas ist schiefgelaufen',
  'error.generic.body':
    'Bitte versuchen Sie es erneut. Wenn das Problem bleibt, wenden Sie sich an Ihren Systemadministrator.',

  'idle.countdown': (seconds) => `Keine Aktivität: Abmeldung in ${seconds} s`,
  'idle.stay': 'Angemeldet bleiben',
  'idle.countdownBack': (seconds) => `Keine Aktivität: zurück zum Start in ${seconds} s`,
  'idle.continue': 'Weiter',
  'session.loggedOut': 'Sie wurden abgemeldet.',

  'status.label': 'Terminalstatus',
  'status.reader.connected': 'Leser bereit',
  'status.reader.disconnected': 'Leser getrennt',
  'status.reader.none': 'Kein Leser eingerichtet',
  'status.sync.online': 'Zentrale Datenbank verbunden',
  'status.sync.offline': 'Zentrale Datenbank nicht erreichbar',
  'status.sync.initial': (percent) => `Benutzer werden von der zentralen Datenbank geladen: ${percent} %`,
  'status.sync.syncing': 'Synchronisiert',
  'status.sync.standalone': 'Eigenständiges Terminal',
  ...technicianDe,
  ...printDe,
  ...linkDe,
};
