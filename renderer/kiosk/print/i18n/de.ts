import type { PrintMessages } from './en.js';

export const printDe: PrintMessages = {
  'print.title': 'Ihre Dokumente',
  'print.loading': 'Ihre Dokumente werden gesucht…',
  'print.empty': 'Es warten keine Dokumente auf Sie.',
  'print.emptyHow': 'Drucken Sie am Computer auf den Follow-me-Drucker und geben Sie Ihre Dokumente dann hier frei.',
  'print.unavailable': 'Drucken ist gerade nicht möglich. PIN und Karten-/ID-Nummer können Sie weiterhin ändern.',
  'print.notConfigured': 'Für dieses Terminal ist kein Druckserver eingerichtet. Die Administration richtet ihn so ein:',
  'print.printAll': 'Alle drucken',
  'print.printSelected': (count: number) => (count === 1 ? '1 Dokument drucken' : `${count} Dokumente drucken`),
  'print.deleteSelected': (count: number) => (count === 1 ? '1 Dokument löschen' : `${count} Dokumente löschen`),
  'print.account': 'Konto',
  'print.documents': 'Dokumente',
  'print.listLabel': 'Dokumente, die auf den Druck warten',
  'print.select': (title: string) => `${title} auswählen`,
  'print.pages': (pages: number | null, copies: number) =>
    `${pages === null ? 'Seitenzahl unbekannt' : pages === 1 ? '1 Seite' : `${pages} Seiten`}${copies > 1 ? ` × ${copies} Kopien` : ''}`,
  'print.total': (count: number, pages: number | null) =>
    `${count === 1 ? '1 Dokument' : `${count} Dokumente`}${pages === null ? '' : `, ${pages === 1 ? '1 Seite' : `${pages} Seiten`}`}`,
  'print.sentTo': (printer: string) => `An ${printer} gesendet`,
  'print.deleted': (count: number) => (count === 1 ? '1 Dokument gelöscht.' : `${count} Dokumente gelöscht.`),
  'print.someGone': (count: number) => (count === 1 ? '1 Dokument war bereits weg.' : `${count} Dokumente waren bereits weg.`),
  'print.logoutIn': (seconds: number) => `Sie werden in ${seconds} s abgemeldet. Tippen, um zu bleiben.`,
  'print.stay': 'Angemeldet bleiben',
  'print.setup.ready': (printer: string) => `Drucken: Freigabedrucker ${printer}.`,
  'print.setup.central': (url: string) => `Drucken wird im zentralen Speicher unter ${url} eingerichtet.`,
  'print.condition.stopped': 'Der Drucker ist angehalten: Ihre Dokumente warten, bis er wieder läuft.',
  'print.condition.out-of-paper': 'Im Drucker ist kein Papier.',
  'print.condition.out-of-toner': 'Im Drucker ist kein Toner oder keine Tinte.',
  'print.condition.jammed': 'Im Drucker gibt es einen Papierstau.',
  'print.condition.door-open': 'Eine Klappe oder Abdeckung des Druckers ist offen.',
  'print.condition.offline': 'Der Drucker ist nicht erreichbar.',
};
